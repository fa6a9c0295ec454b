// GitHub Actions workflow and file commands (the few @actions/core helpers the action needs), in GitHub's documented formats.
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import { escapeData, escapeProperty } from '../formatters/github.js';

/**
 * Appends `name<<DELIMITER\nvalue\nDELIMITER` to the `GITHUB_OUTPUT` file (the multiline syntax, with a random
 * delimiter, so no value can end the block early or add outputs of its own). Returns false without the variable.
 */
export function setOutput(env: NodeJS.ProcessEnv, name: string, value: string): boolean {
  const file = env.GITHUB_OUTPUT;
  if (!file) return false;
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`output ${name}: the value contains the delimiter`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
  return true;
}

/** Appends Markdown to the job summary (`GITHUB_STEP_SUMMARY`). Returns false without the variable. */
export function appendSummary(env: NodeJS.ProcessEnv, markdown: string): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
  return true;
}

/** An `::error::` (or other) workflow command; message and properties escaped so they stay one command. */
export function command(kind: 'error' | 'warning' | 'notice' | 'debug', message: string, properties: Record<string, string> = {}): string {
  const props = Object.entries(properties).map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',');
  return `::${kind}${props ? ` ${props}` : ''}::${escapeData(message)}\n`;
}
