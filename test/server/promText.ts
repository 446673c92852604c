/** Reading one series out of a /metrics text, whatever `instance` label the server added. */

/** The value of `series` (`name` or `name{a="x",b="y"}` as rendered without `instance`), or 0. */
export function seriesValue(text: string, series: string): number {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const withoutInstance = line
      .replace(/(\{|,)instance="[^"]*"(,?)/, (_m, open: string, comma: string) =>
        // `{instance="i",a="x"}` keeps its brace, `{a="x",instance="i",b="y"}` one comma.
        open === '{' ? '{' : comma,
      )
      .replace('{}', '');
    if (withoutInstance.startsWith(`${series} `)) return Number(withoutInstance.slice(series.length + 1));
  }
  return 0;
}
