/** One sample of a Prometheus text exposition: `name{label="value",...} number`. */
export interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Reads a scrape; throws on a line that is not a comment, blank, or a sample. */
export function parseExposition(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = LINE.exec(line);
      if (!match) throw new Error(`Not a Prometheus sample: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(LABEL)].map(([, key, value]) => [key, value]),
      );
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

/** Scrapes `url` and answers the value of the one sample matching `name` and `labels`. */
export async function scrape(url: string) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Scrape of ${url} answered ${response.status}`);
  const samples = parseExposition(await response.text());
  return {
    samples,
    /** The sample's value, or undefined when no sample has this name and these labels. */
    value(name: string, labels: Record<string, string> = {}): number | undefined {
      return samples.find(
        (sample) =>
          sample.name === name &&
          Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
      )?.value;
    },
  };
}
