import { Nation } from './force.entity';

export interface ForceData {
  code: string;
  name: string;
  nation: Nation;
  region: string;
}

const england = (region: string, ...forces: [string, string][]): ForceData[] =>
  forces.map(([code, name]) => ({ code, name, nation: Nation.ENGLAND, region }));

/**
 * Reference data: the 43 territorial police forces of England and Wales (by police region),
 * Police Scotland, the Police Service of Northern Ireland and British Transport Police.
 */
export const UK_POLICE_FORCES: readonly ForceData[] = [
  ...england('North East', ['cleveland', 'Cleveland Police'], ['durham', 'Durham Constabulary'], ['northumbria', 'Northumbria Police']),
  ...england(
    'North West',
    ['cheshire', 'Cheshire Constabulary'],
    ['cumbria', 'Cumbria Constabulary'],
    ['greater-manchester', 'Greater Manchester Police'],
    ['lancashire', 'Lancashire Constabulary'],
    ['merseyside', 'Merseyside Police'],
  ),
  ...england(
    'Yorkshire and the Humber',
    ['humberside', 'Humberside Police'],
    ['north-yorkshire', 'North Yorkshire Police'],
    ['south-yorkshire', 'South Yorkshire Police'],
    ['west-yorkshire', 'West Yorkshire Police'],
  ),
  ...england(
    'East Midlands',
    ['derbyshire', 'Derbyshire Constabulary'],
    ['leicestershire', 'Leicestershire Police'],
    ['lincolnshire', 'Lincolnshire Police'],
    ['northamptonshire', 'Northamptonshire Police'],
    ['nottinghamshire', 'Nottinghamshire Police'],
  ),
  ...england(
    'West Midlands',
    ['staffordshire', 'Staffordshire Police'],
    ['warwickshire', 'Warwickshire Police'],
    ['west-mercia', 'West Mercia Police'],
    ['west-midlands', 'West Midlands Police'],
  ),
  ...england(
    'East of England',
    ['bedfordshire', 'Bedfordshire Police'],
    ['cambridgeshire', 'Cambridgeshire Constabulary'],
    ['essex', 'Essex Police'],
    ['hertfordshire', 'Hertfordshire Constabulary'],
    ['norfolk', 'Norfolk Constabulary'],
    ['suffolk', 'Suffolk Constabulary'],
  ),
  ...england('London', ['metropolitan', 'Metropolitan Police Service'], ['city-of-london', 'City of London Police']),
  ...england(
    'South East',
    ['hampshire', 'Hampshire and Isle of Wight Constabulary'],
    ['kent', 'Kent Police'],
    ['surrey', 'Surrey Police'],
    ['sussex', 'Sussex Police'],
    ['thames-valley', 'Thames Valley Police'],
  ),
  ...england(
    'South West',
    ['avon-and-somerset', 'Avon and Somerset Police'],
    ['devon-and-cornwall', 'Devon and Cornwall Police'],
    ['dorset', 'Dorset Police'],
    ['gloucestershire', 'Gloucestershire Constabulary'],
    ['wiltshire', 'Wiltshire Police'],
  ),
  ...(
    [
      ['dyfed-powys', 'Dyfed-Powys Police'],
      ['gwent', 'Gwent Police'],
      ['north-wales', 'North Wales Police'],
      ['south-wales', 'South Wales Police'],
    ] as const
  ).map(([code, name]) => ({ code, name, nation: Nation.WALES, region: 'Wales' })),
  { code: 'police-scotland', name: 'Police Scotland', nation: Nation.SCOTLAND, region: 'Scotland' },
  { code: 'psni', name: 'Police Service of Northern Ireland', nation: Nation.NORTHERN_IRELAND, region: 'Northern Ireland' },
  { code: 'british-transport', name: 'British Transport Police', nation: Nation.GREAT_BRITAIN, region: 'Great Britain' },
];
