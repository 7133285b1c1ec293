import LocalPoliceIcon from '@mui/icons-material/LocalPolice';
import { ListSubheader } from '@mui/material';
import { Menu, useCreatePath, usePermissions, useResourceDefinitions, useSidebarState, useTranslate } from 'react-admin';
import { canAccess } from '../providers/canAccess';
import { readSession } from '../providers/session';

/** Resources shown under "Funding & training" rather than with the case work. */
const FUNDING_AND_TRAINING = ['fundingRecords', 'funders', 'trainingSessions', 'trainingInvitations'];

/**
 * The side menu: the dashboard (the home page), one entry per resource the role may list
 * (App.tsx's order, canAccess), for a police partner "My force", their own force's page (they
 * have no list of forces), then the funding and training records the role may see, under their
 * own heading (a police partner: their own force's).
 */
export const LanternMenu = () => {
  const { permissions } = usePermissions();
  const createPath = useCreatePath();
  const translate = useTranslate();
  const [open] = useSidebarState();
  const resources = useResourceDefinitions();
  const force = permissions === 'POLICE_PARTNER' ? readSession()?.user.force : null;
  const names = Object.keys(resources).filter((name) => resources[name].hasList);
  const main = names.filter((name) => !FUNDING_AND_TRAINING.includes(name));
  const funding = names.filter((name) => FUNDING_AND_TRAINING.includes(name) && canAccess(permissions, { action: 'list', resource: name }));
  return (
    // A navigation landmark of links (the theme announces the items as links), not an ARIA menu,
    // whose items would have to be menuitems.
    <Menu component="nav" role="navigation" aria-label={translate('lantern.menu.label')}>
      <Menu.DashboardItem primaryText="lantern.menu.dashboard" />
      {main.map((name) => (
        <Menu.ResourceItem key={name} name={name} />
      ))}
      {force ? (
        <Menu.Item
          to={createPath({ resource: 'forces', id: force.id, type: 'show' })}
          primaryText="lantern.menu.my_force"
          leftIcon={<LocalPoliceIcon />}
        />
      ) : null}
      {funding.length > 0 && open ? (
        <ListSubheader component="div" disableSticky sx={{ lineHeight: 2, mt: 1, bgcolor: 'transparent' }}>
          {translate('lantern.menu.funding_and_training')}
        </ListSubheader>
      ) : null}
      {funding.map((name) => (
        <Menu.ResourceItem key={name} name={name} />
      ))}
    </Menu>
  );
};
