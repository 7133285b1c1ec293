import { Link } from '@mui/material';
import type { MouseEvent, ReactNode } from 'react';
import { Link as RouterLink, useCanAccess, useCreatePath, type Identifier } from 'react-admin';

interface ShowLinkProps {
  resource: string;
  id: Identifier | null | undefined;
  children: ReactNode;
}

/**
 * A plain link to a record's page (a report from a case, a linked report, a member). It stops
 * the click there, so a row that opens on click does not open as well; without the right to
 * see that page, it is just the text.
 */
export const ShowLink = ({ resource, id, children }: ShowLinkProps) => {
  const createPath = useCreatePath();
  const { canAccess } = useCanAccess({ resource, action: 'show' });
  if (id == null) return null;
  if (!canAccess) return <>{children}</>;
  return (
    <Link
      component={RouterLink}
      to={createPath({ resource, id, type: 'show' })}
      onClick={(event: MouseEvent) => event.stopPropagation()}
    >
      {children}
    </Link>
  );
};
