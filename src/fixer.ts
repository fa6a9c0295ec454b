// Turns "what to change at which values path" into `{ range, text }` edits on the original source text.
import type { LocationMap } from './location-map.js';
import type { SourceFile } from './load-values.js';
import type { Fix, NodeLocation, ValuesPath } from './types.js';

/** A fix together with the source it edits (stripped before results leave the engine). */
export interface SourcedFix extends Fix {
  source: string;
}

export class Fixer {
  constructor(
    private readonly locations: LocationMap,
    private readonly sources: ReadonlyMap<string, SourceFile>,
  ) {}

  /** Where `path` is written in a source file, if it is. */
  location(path: ValuesPath): NodeLocation | undefined {
    return this.locations.get(path);
  }

  /** The full text of a source (for building multi-line edits in fix helpers). */
  sourceText(source: string): string | undefined {
    return this.sources.get(source)?.text;
  }

  /** Replaces the value at `path` (its whole node) with `text`. Null when the path is not in a file. */
  replaceValue(path: ValuesPath, text: string): SourcedFix | null {
    const loc = this.locations.get(path);
    if (!loc) return null;
    return { source: loc.source, range: [loc.valueRange[0], loc.valueRange[1]], text };
  }

  /** Renames the key at `path`. */
  replaceKey(path: ValuesPath, text: string): SourcedFix | null {
    const loc = this.locations.get(path);
    if (!loc?.keyRange) return null;
    return { source: loc.source, range: [loc.keyRange[0], loc.keyRange[1]], text };
  }

  /** The value's text exactly as written (for fixes that quote it), or undefined. */
  valueSource(path: ValuesPath): string | undefined {
    const loc = this.locations.get(path);
    const file = loc ? this.sources.get(loc.source) : undefined;
    return loc && file ? file.text.slice(loc.valueRange[0], loc.valueRange[1]) : undefined;
  }

  /** Replaces an arbitrary range of the source that holds `path` (for multi-line rewrites). */
  replaceRange(path: ValuesPath, range: [number, number], text: string): SourcedFix | null {
    const loc = this.locations.closest(path);
    return loc ? { source: loc.loc.source, range, text } : null;
  }

  /**
   * The lines a map entry occupies: from the start of its key's line to the end of its value's last line
   * (including the line break), with its indentation and the file's line ending.
   */
  entryLines(path: ValuesPath): { range: [number, number]; text: string; indent: string; eol: string } | undefined {
    const loc = this.locations.get(path);
    const file = loc && this.sources.get(loc.source);
    if (!loc?.keyRange || !file) return undefined;
    const text = file.text;
    const start = text.lastIndexOf('\n', loc.keyRange[0] - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(start, loc.keyRange[0]))?.[0] ?? '';
    if (indent.length !== loc.keyRange[0] - start) return undefined; // key shares its line with other content (flow style)
    let end = Math.max(loc.valueRange[1], loc.keyRange[1]);
    const lineStart = text.lastIndexOf('\n', end - 1) + 1;
    if (end > lineStart && /^[ \t]*$/.test(text.slice(lineStart, end))) {
      // A block map whose last line is a comment ends inside the next key's indentation: stop at that line.
      end = lineStart;
    } else {
      // Otherwise include the rest of the last line and its line break.
      const nl = text.indexOf('\n', text[end - 1] === '\n' ? end - 1 : end);
      end = nl === -1 ? text.length : nl + 1;
    }
    return { range: [start, end], text: text.slice(start, end), indent, eol: text.includes('\r\n') ? '\r\n' : '\n' };
  }
}
