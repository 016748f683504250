"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.scanSources = scanSources;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const typescript_1 = __importDefault(require("typescript"));
/**
 * What only the source can tell: the payload, the TSDoc and the folder of each event contract,
 * where each module publishes events, and which file declares each `@Processor` class. Runtime
 * facts (type, version, subscribers, queues) come from the booted apps instead.
 */
function scanSources(repoRoot) {
    return {
        contracts: scanContracts(repoRoot),
        ...scanModules(repoRoot),
    };
}
const CONTRACTS_DIR = 'libs/contracts/src';
const CONTRACTS_PACKAGE = '@pharmacy/contracts';
const MAX_PAYLOAD_DEPTH = 5;
/** Every `.ts` file under `dir` except tests and declarations, as sorted repository paths. */
function sourceFiles(repoRoot, dir) {
    const absolute = path.join(repoRoot, dir);
    if (!fs.existsSync(absolute))
        return [];
    return fs
        .readdirSync(absolute, { recursive: true, encoding: 'utf8' })
        .map((file) => path.posix.join(dir, file.split(path.sep).join('/')))
        .filter((file) => file.endsWith('.ts') && !/\.(spec|test|d)\.ts$/.test(file))
        .sort();
}
/** `libs/<module>/...` -> `<module>`. */
function libOf(file) {
    return file.split('/')[1];
}
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}
function scanContracts(repoRoot) {
    const files = sourceFiles(repoRoot, CONTRACTS_DIR).filter((file) => file !== `${CONTRACTS_DIR}/index.ts`);
    const program = typescript_1.default.createProgram(files.map((file) => path.join(repoRoot, file)), compilerOptions(repoRoot));
    const checker = program.getTypeChecker();
    const contracts = [];
    for (const file of files) {
        const sourceFile = program.getSourceFile(path.join(repoRoot, file));
        if (!sourceFile)
            continue;
        for (const statement of sourceFile.statements) {
            if (!typescript_1.default.isClassDeclaration(statement) || !statement.name)
                continue;
            const base = domainEventBase(statement);
            if (!base)
                continue;
            const symbol = checker.getSymbolAtLocation(statement.name);
            const description = symbol
                ? oneLine(typescript_1.default.displayPartsToString(symbol.getDocumentationComment(checker)))
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
function domainEventBase(node) {
    const extendsClause = node.heritageClauses?.find((clause) => clause.token === typescript_1.default.SyntaxKind.ExtendsKeyword);
    const base = extendsClause?.types[0];
    return base && typescript_1.default.isIdentifier(base.expression) && base.expression.text === 'DomainEvent'
        ? base
        : undefined;
}
function compilerOptions(repoRoot) {
    const configPath = path.join(repoRoot, 'tsconfig.json');
    const { config, error } = typescript_1.default.readConfigFile(configPath, typescript_1.default.sys.readFile);
    if (error)
        throw new Error(typescript_1.default.flattenDiagnosticMessageText(error.messageText, '\n'));
    const parsed = typescript_1.default.parseJsonConfigFileContent(config, typescript_1.default.sys, repoRoot, undefined, configPath);
    return { ...parsed.options, noEmit: true, types: ['node'] };
}
/**
 * The payload's fields in declaration order, with nested objects flattened:
 * `items` then `items[].orderItemUuid`, or `address` then `address.city`.
 */
function payloadFields(type, prefix, checker, seen) {
    const fields = [];
    for (const property of checker.getPropertiesOfType(type)) {
        const declaration = property.valueDeclaration ?? property.declarations?.[0];
        if (!declaration)
            continue;
        const propertyType = checker.getTypeOfSymbolAtLocation(property, declaration);
        const fieldPath = `${prefix}${property.name}`;
        fields.push({
            path: fieldPath,
            type: displayType(declaration, propertyType, checker),
            optional: (property.flags & typescript_1.default.SymbolFlags.Optional) !== 0,
            description: oneLine(typescript_1.default.displayPartsToString(property.getDocumentationComment(checker))),
        });
        if (seen.length >= MAX_PAYLOAD_DEPTH)
            continue;
        const element = arrayElement(checker.getNonNullableType(propertyType), checker);
        const nested = element ?? checker.getNonNullableType(propertyType);
        if (isProjectObject(nested, checker) && !seen.includes(nested)) {
            fields.push(...payloadFields(nested, `${fieldPath}${element ? '[]' : ''}.`, checker, [...seen, nested]));
        }
    }
    return fields;
}
function arrayElement(type, checker) {
    return checker.isArrayType(type)
        ? checker.getTypeArguments(type)[0]
        : undefined;
}
/** An object type declared in this repository (not `Date`, not a library type): worth expanding. */
function isProjectObject(type, checker) {
    if (!(type.flags & typescript_1.default.TypeFlags.Object) || checker.isArrayType(type))
        return false;
    if (checker.isTupleType(type) || type.getCallSignatures().length > 0)
        return false;
    const declarations = type.getSymbol()?.getDeclarations() ?? [];
    return (declarations.length > 0 &&
        declarations.every((declaration) => {
            const file = declaration.getSourceFile();
            return !file.isDeclarationFile && !file.fileName.includes('/node_modules/');
        }));
}
/**
 * The type as its author wrote it, minus `readonly` (immaterial on the wire); inline object types,
 * whose fields are listed on their own rows, read `object`.
 */
function displayType(declaration, type, checker) {
    const node = declaration.type;
    const text = node
        ? typeNodeText(node)
        : checker.typeToString(type, undefined, typescript_1.default.TypeFormatFlags.NoTruncation);
    return oneLine(text.replace(/\breadonly\s+/g, ''));
}
function typeNodeText(node) {
    if (typescript_1.default.isTypeLiteralNode(node))
        return 'object';
    if (typescript_1.default.isArrayTypeNode(node))
        return `${typeNodeText(node.elementType)}[]`;
    if (typescript_1.default.isTypeOperatorNode(node) && node.operator === typescript_1.default.SyntaxKind.ReadonlyKeyword) {
        return typeNodeText(node.type);
    }
    if (typescript_1.default.isParenthesizedTypeNode(node))
        return `(${typeNodeText(node.type)})`;
    return node.getText();
}
/**
 * Syntax only, over every feature module's code: `<bus>.publish(new XEvent(` where `XEvent` is
 * imported from `@pharmacy/contracts`, and classes decorated with `@Processor(` of
 * `@nestjs/bullmq`.
 */
function scanModules(repoRoot) {
    const publishSites = [];
    const processorSources = [];
    const libs = fs
        .readdirSync(path.join(repoRoot, 'libs'), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && entry.name !== 'contracts')
        .map((entry) => entry.name)
        .sort();
    for (const lib of libs) {
        for (const file of sourceFiles(repoRoot, `libs/${lib}/src`)) {
            const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
            if (!text.includes('publish(') && !text.includes('@Processor('))
                continue;
            const sourceFile = typescript_1.default.createSourceFile(file, text, typescript_1.default.ScriptTarget.Latest, true);
            const contractsImports = importedNames(sourceFile, CONTRACTS_PACKAGE);
            const bullmqImports = importedNames(sourceFile, '@nestjs/bullmq');
            const visit = (node) => {
                const published = publishedClass(node, contractsImports);
                if (published)
                    publishSites.push({ className: published, module: libOf(file), file });
                if (typescript_1.default.isClassDeclaration(node) && node.name && isProcessor(node, bullmqImports)) {
                    processorSources.push({ className: node.name.text, module: libOf(file), file });
                }
                typescript_1.default.forEachChild(node, visit);
            };
            visit(sourceFile);
        }
    }
    return { publishSites, processorSources };
}
/** Local name -> exported name, for the named imports of `moduleName` in this file. */
function importedNames(sourceFile, moduleName) {
    const names = new Map();
    for (const statement of sourceFile.statements) {
        if (!typescript_1.default.isImportDeclaration(statement) ||
            !typescript_1.default.isStringLiteral(statement.moduleSpecifier) ||
            statement.moduleSpecifier.text !== moduleName) {
            continue;
        }
        const bindings = statement.importClause?.namedBindings;
        if (!bindings || !typescript_1.default.isNamedImports(bindings))
            continue;
        for (const element of bindings.elements) {
            names.set(element.name.text, (element.propertyName ?? element.name).text);
        }
    }
    return names;
}
/** `x.publish(new XEvent(...))` -> `XEvent`, when `XEvent` is a contract. */
function publishedClass(node, contracts) {
    if (!typescript_1.default.isCallExpression(node) || !typescript_1.default.isPropertyAccessExpression(node.expression))
        return;
    if (node.expression.name.text !== 'publish' || node.arguments.length === 0)
        return;
    let argument = node.arguments[0];
    while (typescript_1.default.isParenthesizedExpression(argument) || typescript_1.default.isAsExpression(argument)) {
        argument = argument.expression;
    }
    if (!typescript_1.default.isNewExpression(argument) || !typescript_1.default.isIdentifier(argument.expression))
        return;
    return contracts.get(argument.expression.text);
}
function isProcessor(node, bullmq) {
    return (typescript_1.default.getDecorators(node) ?? []).some(({ expression }) => typescript_1.default.isCallExpression(expression) &&
        typescript_1.default.isIdentifier(expression.expression) &&
        bullmq.get(expression.expression.text) === 'Processor');
}
