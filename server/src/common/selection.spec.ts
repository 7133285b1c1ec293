import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { selects } from './selection';

/** The resolver's view of a document: the root field's nodes and the named fragments. */
function infoOf(document: string) {
  const doc = parse(document);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fieldNodes = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return { fieldNodes, fragments };
}

const PATH = ['alerts', 'targetAreas'];

describe('selects', () => {
  it.each([
    ['a plain selection', '{ check { alerts { targetAreas { name } } } }'],
    ['an alias', '{ check { a: alerts { t: targetAreas { name } } } }'],
    ['an inline fragment', '{ check { alerts { ... on Alert { targetAreas { name } } } } }'],
    ['a named fragment', '{ check { alerts { ...A } } } fragment A on Alert { title targetAreas { name } }'],
    ['a fragment inside a fragment', '{ check { ...C } } fragment C on Result { alerts { ...A } } fragment A on Alert { targetAreas { name } }'],
    ['a field under @include', 'query ($x: Boolean!) { check { alerts { targetAreas @include(if: $x) { name } } } }'],
    ['the same root field twice', '{ check { value } check { alerts { targetAreas { name } } } }'],
  ])('finds the path through %s', (_name, document) => {
    expect(selects(infoOf(document), PATH)).toBe(true);
  });

  it.each([
    ['no alerts', '{ check { value note } }'],
    ['alerts without target areas', '{ check { alerts { id title } } }'],
    ['target areas elsewhere', '{ check { targetAreas { name } alerts { id } } }'],
    ['an unused fragment', '{ check { alerts { id } } } fragment A on Alert { targetAreas { name } }'],
    ['a fragment spread twice, without the path', '{ check { alerts { ...A ...A } } } fragment A on Alert { id }'],
  ])('does not find it with %s', (_name, document) => {
    expect(selects(infoOf(document), PATH)).toBe(false);
  });
});
