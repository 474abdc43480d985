// Reads GET /metrics as Prometheus does: the text format parsed by a real parser
// (parse-prometheus-text-format), never matched line by line, so a malformed exposition
// fails the scrape instead of passing a regex.
//
// One quirk of that parser: it folds every labelled series of a histogram into a single
// sample and drops their _count and _sum (its flattenMetrics keeps buckets only). So the text
// is parsed twice: as written (the families, their TYPE and HELP), and with histograms
// declared untyped, which leaves each _bucket, _count and _sum line as its own sample with
// its labels, still parsed and checked by the same parser.
import parsePrometheusTextFormat, { type PrometheusFamily } from "parse-prometheus-text-format";

export type { PrometheusFamily };

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Scrape {
  /** The families as the parser reads them (name, help, type). */
  families: PrometheusFamily[];
  /** A counter or gauge summed over the series whose labels include `labels` (0 if none). */
  counter(name: string, labels?: Record<string, string>): number;
  /** A histogram's count, sum and cumulative buckets (by `le`), summed over matching series. */
  histogram(
    name: string,
    labels?: Record<string, string>,
  ): { count: number; sum: number; buckets: Map<string, number> };
}

export function parseMetrics(text: string): Scrape {
  const families = parsePrometheusTextFormat(text);
  const untyped = text.replace(/^# TYPE (\S+) histogram$/gm, "# TYPE $1 untyped");
  const samples: Sample[] = parsePrometheusTextFormat(untyped).flatMap((family) =>
    family.metrics.map((m) => ({
      name: family.name,
      labels: m.labels ?? {},
      value: Number(m.value),
    })),
  );
  const matching = (name: string, labels: Record<string, string>) =>
    samples.filter(
      (s) =>
        s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value),
    );
  const total = (name: string, labels: Record<string, string>) =>
    matching(name, labels).reduce((sum, s) => sum + s.value, 0);
  return {
    families,
    counter: (name, labels = {}) => total(name, labels),
    histogram(name, labels = {}) {
      const buckets = new Map<string, number>();
      for (const s of matching(`${name}_bucket`, labels)) {
        const le = s.labels.le ?? "";
        buckets.set(le, (buckets.get(le) ?? 0) + s.value);
      }
      return {
        count: total(`${name}_count`, labels),
        sum: total(`${name}_sum`, labels),
        buckets,
      };
    },
  };
}

/** GET <base>/metrics, checked to be Prometheus text, parsed. */
export async function scrapeMetrics(base: string): Promise<Scrape> {
  const res = await fetch(`${base}/metrics`);
  if (res.status !== 200) throw new Error(`GET /metrics answered ${res.status}`);
  const type = res.headers.get("content-type") ?? "";
  if (!type.startsWith("text/plain")) throw new Error(`GET /metrics sent ${type}`);
  return parseMetrics(await res.text());
}
