import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Does the client's selection under the current field reach `path` (field names, aliases aside),
 * through inline fragments and named fragments alike? Used to load a relation with the rest only
 * when it was asked for. A field under a directive (@include, @skip) counts as selected: loading
 * too much is only slower, loading too little would be an N+1.
 */
export function selects(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: readonly string[]): boolean {
  return info.fieldNodes.some((node) => reaches(node.selectionSet, path, info.fragments, new Set()));
}

function reaches(set: SelectionSetNode | undefined, path: readonly string[], fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>): boolean {
  if (!set) return false;
  if (path.length === 0) return true;
  const [head, ...rest] = path;
  return set.selections.some((sel) => {
    switch (sel.kind) {
      case Kind.FIELD:
        return sel.name.value === head && (rest.length === 0 || reaches(sel.selectionSet, rest, fragments, seen));
      case Kind.INLINE_FRAGMENT:
        return reaches(sel.selectionSet, path, fragments, seen);
      case Kind.FRAGMENT_SPREAD: {
        // graphql-js has already refused fragment cycles; `seen` only avoids walking a fragment
        // twice for the same rest of the path.
        const key = `${sel.name.value}:${path.join('.')}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return reaches(fragments[sel.name.value]?.selectionSet, path, fragments, seen);
      }
    }
  });
}
