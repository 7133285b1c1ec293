import LocalPoliceIcon from '@mui/icons-material/LocalPolice';
import { Menu, useCreatePath, usePermissions } from 'react-admin';
import { readSession } from '../providers/session';

/**
 * The side menu: one entry per resource the role may list (App.tsx's order, canAccess), and for
 * a police partner "My force", their own force's page (they have no list of forces).
 */
export const LanternMenu = () => {
  const { permissions } = usePermissions();
  const createPath = useCreatePath();
  const force = permissions === 'POLICE_PARTNER' ? readSession()?.user.force : null;
  return (
    <Menu>
      <Menu.ResourceItems />
      {force ? (
        <Menu.Item
          to={createPath({ resource: 'forces', id: force.id, type: 'show' })}
          primaryText="lantern.menu.my_force"
          leftIcon={<LocalPoliceIcon />}
        />
      ) : null}
    </Menu>
  );
};
