import type { CliIo } from '../io';

export interface FakeIo {
  io: CliIo;
  /** Everything written on stdout / stderr so far. */
  stdout(): string;
  stderr(): string;
  files: Map<string, string>;
}

/** An in-memory CliIo: files by path (missing ones fail with ENOENT), captured output, an env. */
export function fakeIo(
  files: Record<string, string> = {},
  env: Record<string, string | undefined> = {},
): FakeIo {
  const out: string[] = [];
  const err: string[] = [];
  const store = new Map(Object.entries(files));
  return {
    io: {
      stdout: (text) => void out.push(text),
      stderr: (text) => void err.push(text),
      readFile: async (path) => {
        const text = store.get(path);
        if (text === undefined) {
          throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), {
            code: 'ENOENT',
          });
        }
        return text;
      },
      writeFile: async (path, text) => {
        if (path.startsWith('/read-only/')) {
          throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
        }
        store.set(path, text);
      },
      env,
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    files: store,
  };
}

/** A document as the text of a file. */
export function jsonText(document: unknown): string {
  return JSON.stringify(document, null, 2);
}
