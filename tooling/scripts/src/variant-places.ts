import path from 'node:path';
import ts from 'typescript';
import { workspaceRoot } from './workspace-files.js';

/** A compile error: the file (from the workspace root) and line it points at, and its message. */
export interface Place {
  file: string;
  line: number;
  message: string;
}

/**
 * Type-checks the package whose `tsconfig.json` is in `packageDir` (from the workspace root) as it
 * would compile with some files' text replaced, and returns every error. The files on disk are
 * never touched: the replaced text lives only in the compiler host.
 */
export function compileErrorsWith(packageDir: string, replaced: ReadonlyMap<string, string>): Place[] {
  const configPath = path.join(workspaceRoot, packageDir, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`no tsconfig in ${packageDir}`);
  const texts = new Map([...replaced].map(([file, text]) => [path.join(workspaceRoot, file), text]));
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => texts.get(path.resolve(file)) ?? readFile(file);
  const program = ts.createProgram({ rootNames: config.fileNames, options: { ...config.options, noEmit: true }, host });
  return ts.getPreEmitDiagnostics(program).flatMap((d) => {
    if (!d.file || d.start === undefined) return [];
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    const file = path.relative(workspaceRoot, d.file.fileName).split(path.sep).join('/');
    return [{ file, line: line + 1, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') }];
  });
}
