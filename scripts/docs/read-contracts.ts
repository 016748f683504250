import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import * as contracts from '@pharmacy/contracts';
import { DomainEvent } from '@pharmacy/platform';

/** Each event contract's type and version, and the TSDoc and payload its source declares. */
export type Contract = ReturnType<typeof readContracts>[number];
export type Schema = {
  type?: string;
  title?: string;
  description?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
};

/** Every event class @pharmacy/contracts exports, with the TSDoc and payload of its source. */
export function readContracts() {
  const [root, dir] = [findRepoRoot(), 'libs/contracts/src'];
  const declared = new Map<string, { file: string; description: string; payload: Schema }>();
  const names = fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' });
  for (const name of names) {
    const file = `${dir}/${name.split(path.sep).join('/')}`;
    if (!file.endsWith('.event.ts')) continue;
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const interfaces = source.statements.filter(ts.isInterfaceDeclaration);
    for (const node of source.statements.filter(ts.isClassDeclaration)) {
      const base = node.heritageClauses?.[0].types[0];
      const payload = base?.expression.getText() === 'DomainEvent' && base.typeArguments?.[0];
      if (node.name && payload) {
        const description = docOf(node);
        declared.set(node.name.text, { file, description, payload: schemaOf(payload, interfaces) });
      }
    }
  }
  return Object.values(contracts)
    .filter((value) => typeof value === 'function' && value.prototype instanceof DomainEvent)
    .map(({ name, type, version }) => {
      const source = declared.get(name);
      if (source) return { className: name, type, version, ...source };
      throw new Error(`No ${dir}/**/*.event.ts has "class ${name} extends DomainEvent<{...}>".`);
    });
}

/** A payload type as JSON Schema: primitives, arrays, object literals and this file's interfaces. */
function schemaOf(node: ts.TypeNode, interfaces: readonly ts.InterfaceDeclaration[]): Schema {
  const text = node.getText();
  if (ts.isTypeOperatorNode(node)) return schemaOf(node.type, interfaces); // readonly T[]
  const items = ts.isArrayTypeNode(node) && schemaOf(node.elementType, interfaces);
  if (items) return { type: 'array', items };
  if (['string', 'number', 'boolean'].includes(text)) return { type: text };
  const named = interfaces.find((declaration) => declaration.name.text === text);
  const members = ts.isTypeLiteralNode(node) ? node.members : named?.members;
  if (!members) {
    throw new Error(
      `${node.getSourceFile().fileName}: a payload holds primitives, arrays and objects of them ` +
        `(ADR 0002), not "${text}"; declare such an object as an interface in the same file.`,
    );
  }
  const [properties, required]: [Record<string, Schema>, string[]] = [{}, []];
  for (const member of members.filter(ts.isPropertySignature)) {
    const [name, description] = [member.name.getText(), docOf(member)];
    const schema = schemaOf(member.type!, interfaces);
    properties[name] = description ? { ...schema, description } : schema;
    if (!member.questionToken) required.push(name);
  }
  return { ...(named && { title: text }), type: 'object', properties, required };
}

/** A declaration's TSDoc, on one line. */
function docOf(node: ts.Node): string {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  return docs
    .map((doc) => ts.getTextOfJSDocComment(doc.comment))
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** The nearest directory holding package.json, from here up (this also runs from dist-docs). */
export function findRepoRoot(dir: string = __dirname): string {
  return fs.existsSync(path.join(dir, 'package.json')) ? dir : findRepoRoot(path.dirname(dir));
}
