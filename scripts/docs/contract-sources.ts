import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import type { ContractSource, PayloadField } from './event-catalog';

/**
 * What only the source can tell of each event contract: its payload, its TSDoc and its folder.
 * Runtime facts (type, version, publishers, subscribers, queues) come from the booted apps.
 */

const CONTRACTS_DIR = 'libs/contracts/src';
const MAX_PAYLOAD_DEPTH = 5;

/** Every `.ts` file under `dir` except tests and declarations, as sorted repository paths. */
export function sourceFiles(repoRoot: string, dir: string): string[] {
  const absolute = path.join(repoRoot, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs
    .readdirSync(absolute, { recursive: true, encoding: 'utf8' })
    .map((file) => path.posix.join(dir, file.split(path.sep).join('/')))
    .filter((file) => file.endsWith('.ts') && !/\.(spec|test|d)\.ts$/.test(file))
    .sort();
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function scanContracts(repoRoot: string): ContractSource[] {
  const files = sourceFiles(repoRoot, CONTRACTS_DIR).filter(
    (file) => file !== `${CONTRACTS_DIR}/index.ts`,
  );
  const program = ts.createProgram(
    files.map((file) => path.join(repoRoot, file)),
    compilerOptions(repoRoot),
  );
  const checker = program.getTypeChecker();
  const contracts: ContractSource[] = [];
  for (const file of files) {
    const sourceFile = program.getSourceFile(path.join(repoRoot, file));
    if (!sourceFile) continue;
    for (const statement of sourceFile.statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name) continue;
      const base = domainEventBase(statement);
      if (!base) continue;
      const symbol = checker.getSymbolAtLocation(statement.name);
      const description = symbol
        ? oneLine(ts.displayPartsToString(symbol.getDocumentationComment(checker)))
        : '';
      const payloadNode = base.typeArguments?.[0];
      const folder = file.slice(CONTRACTS_DIR.length + 1).split('/');
      contracts.push({
        className: statement.name.text,
        file,
        module: folder.length === 2 ? folder[0] : null,
        description: description || null,
        payload: payloadNode
          ? payloadFields(checker.getTypeFromTypeNode(payloadNode), '', checker, [])
          : null,
      });
    }
  }
  return contracts;
}

/** The `DomainEvent<...>` of `class X extends DomainEvent<...>`, if that is what it extends. */
function domainEventBase(node: ts.ClassDeclaration): ts.ExpressionWithTypeArguments | undefined {
  const extendsClause = node.heritageClauses?.find(
    (clause) => clause.token === ts.SyntaxKind.ExtendsKeyword,
  );
  const base = extendsClause?.types[0];
  return base && ts.isIdentifier(base.expression) && base.expression.text === 'DomainEvent'
    ? base
    : undefined;
}

function compilerOptions(repoRoot: string): ts.CompilerOptions {
  const configPath = path.join(repoRoot, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, repoRoot, undefined, configPath);
  return { ...parsed.options, noEmit: true, types: ['node'] };
}

/**
 * The payload's fields in declaration order, with nested objects flattened:
 * `items` then `items[].orderItemUuid`, or `address` then `address.city`.
 */
function payloadFields(
  type: ts.Type,
  prefix: string,
  checker: ts.TypeChecker,
  seen: readonly ts.Type[],
): PayloadField[] {
  const fields: PayloadField[] = [];
  for (const property of checker.getPropertiesOfType(type)) {
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    if (!declaration) continue;
    const propertyType = checker.getTypeOfSymbolAtLocation(property, declaration);
    const fieldPath = `${prefix}${property.name}`;
    fields.push({
      path: fieldPath,
      type: displayType(declaration, propertyType, checker),
      optional: (property.flags & ts.SymbolFlags.Optional) !== 0,
      description: oneLine(ts.displayPartsToString(property.getDocumentationComment(checker))),
    });
    if (seen.length >= MAX_PAYLOAD_DEPTH) continue;
    const element = arrayElement(checker.getNonNullableType(propertyType), checker);
    const nested = element ?? checker.getNonNullableType(propertyType);
    if (isProjectObject(nested, checker) && !seen.includes(nested)) {
      fields.push(
        ...payloadFields(nested, `${fieldPath}${element ? '[]' : ''}.`, checker, [...seen, nested]),
      );
    }
  }
  return fields;
}

function arrayElement(type: ts.Type, checker: ts.TypeChecker): ts.Type | undefined {
  return checker.isArrayType(type)
    ? checker.getTypeArguments(type as ts.TypeReference)[0]
    : undefined;
}

/** An object type declared in this repository (not `Date`, not a library type): worth expanding. */
function isProjectObject(type: ts.Type, checker: ts.TypeChecker): boolean {
  if (!(type.flags & ts.TypeFlags.Object) || checker.isArrayType(type)) return false;
  if (checker.isTupleType(type) || type.getCallSignatures().length > 0) return false;
  const declarations = type.getSymbol()?.getDeclarations() ?? [];
  return (
    declarations.length > 0 &&
    declarations.every((declaration) => {
      const file = declaration.getSourceFile();
      return !file.isDeclarationFile && !file.fileName.includes('/node_modules/');
    })
  );
}

/**
 * The type as its author wrote it, minus `readonly` (immaterial on the wire); inline object types,
 * whose fields are listed on their own rows, read `object`.
 */
function displayType(declaration: ts.Declaration, type: ts.Type, checker: ts.TypeChecker): string {
  const node = (declaration as { type?: ts.TypeNode }).type;
  const text = node
    ? typeNodeText(node)
    : checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
  return oneLine(text.replace(/\breadonly\s+/g, ''));
}

function typeNodeText(node: ts.TypeNode): string {
  if (ts.isTypeLiteralNode(node)) return 'object';
  if (ts.isArrayTypeNode(node)) return `${typeNodeText(node.elementType)}[]`;
  if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword) {
    return typeNodeText(node.type);
  }
  if (ts.isParenthesizedTypeNode(node)) return `(${typeNodeText(node.type)})`;
  return node.getText();
}
