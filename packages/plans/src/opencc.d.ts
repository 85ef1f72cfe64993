declare module 'opencc-js/t2cn' {
  /** Builds a converter between Chinese locales, e.g. `{ from: 'hk', to: 'cn' }`. */
  export function Converter(options: { from: string; to: string }): (text: string) => string;
}
