const ts = require('typescript');
const path = require('path');
const root = '/work/wt/contract/cloudfunctions';
const cfg = ts.getParsedCommandLineOfConfigFile(root + '/tsconfig.json', {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
const file = root + '/src/_print_types.ts';
const program = ts.createProgram([file], cfg.options);
const checker = program.getTypeChecker();
const sf = program.getSourceFile(file);
const sym = checker.getExportsOfModule(checker.getSymbolAtLocation(sf)).find((s) => s.name === 'F');
const fType = checker.getTypeOfSymbolAtLocation(sym, sf);
const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.MultilineObjectLiterals | ts.TypeFormatFlags.UseFullyQualifiedType*0;
for (const fn of fType.getProperties()) {
  const fnT = checker.getTypeOfSymbolAtLocation(fn, sf);
  const actions = checker.getTypeOfSymbolAtLocation(fnT.getProperty('actions'), sf);
  for (const a of actions.getProperties()) {
    const aT = checker.getTypeOfSymbolAtLocation(a, sf);
    const run = checker.getTypeOfSymbolAtLocation(aT.getProperty('run'), sf);
    const sig = run.getCallSignatures()[0];
    let ret = checker.getReturnTypeOfSignature(sig);
    const awaited = checker.getAwaitedType(ret) || ret;
    console.log(`// ${fn.name}.${a.name}\n` + checker.typeToString(awaited, undefined, flags) + '\n');
  }
}
