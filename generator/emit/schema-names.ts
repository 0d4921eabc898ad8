import ts from "typescript";
import { isIdentifier } from "./identifiers.js";

/** The printed form of a reference to a component schema, as openapi-typescript writes it. */
const SCHEMA_REF = /components\["schemas"\]\["([A-Za-z_$][\w$]*)"\]/g;

function memberName(member: ts.TypeElement): string | undefined {
  if (!ts.isPropertySignature(member)) return undefined;
  const { name } = member;
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** Every name the printed types refer to by itself (`Record`, `UnknownEnumValue`…): a schema must not shadow it. */
function referencedNames(nodes: readonly ts.Node[]): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) names.add(node.typeName.text);
    ts.forEachChild(node, visit);
  };
  for (const node of nodes) visit(node);
  return names;
}

function declaredNames(nodes: readonly ts.Node[]): Set<string> {
  const names = new Set<string>();
  for (const node of nodes) {
    if ((ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) && node.name) names.add(node.name.text);
  }
  return names;
}

function isReferenceTo(node: ts.TypeNode, name: string): boolean {
  return ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeName.text === name;
}

/** The documented members of an enum union that openEnums opened with UnknownEnumValue. */
function closedEnum(type: ts.TypeNode, unknownEnum: string): ts.TypeNode | undefined {
  if (!ts.isUnionTypeNode(type) || !type.types.some((t) => isReferenceTo(t, unknownEnum))) return undefined;
  return ts.factory.createUnionTypeNode(type.types.filter((t) => !isReferenceTo(t, unknownEnum)));
}

export interface NamedSchemas {
  readonly nodes: ts.Node[];
  /** Component schemas now declared as top-level types of the same name. */
  readonly named: ReadonlySet<string>;
  /** The enums among them: the name is their documented values, received values are `OpenEnum<Name>`. */
  readonly openEnums: ReadonlySet<string>;
}

/** How the printed types refer to a component schema declared by name. */
export interface SchemaNaming {
  readonly named: ReadonlySet<string>;
  readonly openEnums: ReadonlySet<string>;
  /** The generic that opens a documented enum to the values a provider adds later. */
  readonly openEnum: string;
}

/**
 * Declares each component schema as a top-level type of its own name (`export type Payment =
 * {...}`, with the schema's description), and `components["schemas"]["Payment"]` as that type,
 * so hovers and errors say `Payment` rather than spelling the object out. An enum's name is its
 * documented values (what index.ts exports and inputs take) and the schema becomes
 * `OpenEnum<PaymentStatus>`, so a hover says both the name and that other values may arrive.
 * Left as they are: a name that is no identifier, is reserved, or that the file already uses.
 */
export function nameComponentSchemas(nodes: readonly ts.Node[], unknownEnum: string, openEnum: string): NamedSchemas {
  const components = nodes.find(
    (n): n is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(n) && n.name.text === "components",
  );
  const schemas = components?.members.find((m) => memberName(m) === "schemas");
  if (components === undefined || schemas === undefined || !ts.isPropertySignature(schemas)) {
    return { nodes: [...nodes], named: new Set(), openEnums: new Set() };
  }
  const literal = schemas.type;
  if (literal === undefined || !ts.isTypeLiteralNode(literal)) {
    return { nodes: [...nodes], named: new Set(), openEnums: new Set() };
  }
  const taken = new Set([...referencedNames(nodes), ...declaredNames(nodes), unknownEnum, openEnum]);
  const named = new Set<string>();
  const openEnums = new Set<string>();
  const aliases: ts.TypeAliasDeclaration[] = [];
  const members = literal.members.map((member) => {
    const name = memberName(member);
    if (name === undefined || !ts.isPropertySignature(member) || member.type === undefined) return member;
    if (!isIdentifier(name) || taken.has(name)) return member;
    taken.add(name);
    named.add(name);
    const closed = closedEnum(member.type, unknownEnum);
    if (closed !== undefined) openEnums.add(name);
    const alias = ts.factory.createTypeAliasDeclaration(
      [ts.factory.createModifier(ts.SyntaxKind.ExportKeyword)],
      name,
      undefined,
      closed ?? member.type,
    );
    // The schema's description moves to the declaration, where hovers read it.
    ts.setSyntheticLeadingComments(alias, ts.getSyntheticLeadingComments(member));
    aliases.push(alias);
    return ts.factory.updatePropertySignature(
      member,
      member.modifiers,
      member.name,
      member.questionToken,
      closed === undefined
        ? ts.factory.createTypeReferenceNode(name)
        : ts.factory.createTypeReferenceNode(openEnum, [ts.factory.createTypeReferenceNode(name)]),
    );
  });
  if (named.size === 0) return { nodes: [...nodes], named, openEnums };
  const updated = ts.factory.updateInterfaceDeclaration(
    components,
    components.modifiers,
    components.name,
    components.typeParameters,
    components.heritageClauses,
    components.members.map((m) =>
      m === schemas
        ? ts.factory.updatePropertySignature(
            schemas,
            schemas.modifiers,
            schemas.name,
            schemas.questionToken,
            ts.factory.updateTypeLiteralNode(literal, ts.factory.createNodeArray(members)),
          )
        : m,
    ),
  );
  const at = nodes.indexOf(components);
  return { nodes: [...nodes.slice(0, at), updated, ...aliases, ...nodes.slice(at + 1)], named, openEnums };
}

/** The printed types with each reference to a named schema written as its name. */
export function shortenSchemaRefs(text: string, naming: SchemaNaming): string {
  return text.replace(SCHEMA_REF, (whole, name: string) => {
    if (!naming.named.has(name)) return whole;
    return naming.openEnums.has(name) ? `${naming.openEnum}<${name}>` : name;
  });
}
