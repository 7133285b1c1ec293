import { useEffect, useId, useState, type ReactNode } from 'react';
import { gql } from './api';
import { NATIONS, type Nation } from './words';

export interface Force {
  id: string;
  name: string;
  nation: Nation;
  region: string;
}

export interface ForceGroup {
  nation: Nation;
  label: string;
  regions: { region: string; forces: Force[] }[];
}

/** The police force areas (public reference data), kept in memory for the visit. */
let cached: Promise<Force[]> | null = null;

export function loadForces(): Promise<Force[]> {
  cached ??= gql<{ forces: { nodes: Force[] } }>('{ forces(perPage: 100, sortField: name, sortOrder: ASC) { nodes { id name nation region } } }')
    .then((d) => d.forces.nodes)
    .catch((err: unknown) => {
      cached = null;
      throw err;
    });
  return cached;
}

export function useForces(): { forces: Force[] | null; error: string | null } {
  const [forces, setForces] = useState<Force[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadForces().then(
      (f) => live && setForces(f),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, []);
  return { forces, error };
}

/** By nation (England first), then by region, each sorted by name. */
export function groupForces(forces: Force[]): ForceGroup[] {
  return NATIONS.map(({ value, label }) => {
    const ofNation = forces.filter((f) => f.nation === value);
    const regions = [...new Set(ofNation.map((f) => f.region))].sort().map((region) => ({
      region,
      forces: ofNation.filter((f) => f.region === region).sort((a, b) => a.name.localeCompare(b.name)),
    }));
    return { nation: value, label, regions };
  }).filter((g) => g.regions.length > 0);
}

/** One force area, from a list grouped by nation and region. */
export function ForceSelect({ forces, value, onChange, label, hint, error }: { forces: Force[]; value: string; onChange: (id: string) => void; label: string; hint?: string; error?: string }) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-message">
          {error}
        </p>
      )}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} aria-invalid={error ? true : undefined} required>
        <option value="">Choose the police area</option>
        {groupForces(forces).flatMap((g) =>
          g.regions.map((r) => (
            <optgroup key={`${g.nation}-${r.region}`} label={g.regions.length > 1 || r.region !== g.label ? `${g.label}: ${r.region}` : g.label}>
              {r.forces.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </optgroup>
          )),
        )}
      </select>
    </div>
  );
}

/** Several force areas, as checkboxes grouped by nation and region (regions fold away). */
export function ForceCheckboxes({ forces, selected, onChange }: { forces: Force[]; selected: string[]; onChange: (ids: string[]) => void }) {
  const id = useId();
  const toggle = (forceId: string, on: boolean) => onChange(on ? [...selected, forceId] : selected.filter((s) => s !== forceId));
  const boxes = (list: Force[]) =>
    list.map((f) => (
      <div className="choice" key={f.id}>
        <input type="checkbox" id={`${id}-${f.id}`} checked={selected.includes(f.id)} onChange={(e) => toggle(f.id, e.target.checked)} />
        <label htmlFor={`${id}-${f.id}`}>{f.name}</label>
      </div>
    ));
  return (
    <div className="force-groups">
      {groupForces(forces).map((g) => (
        <fieldset key={g.nation} className="field">
          <legend>{g.label}</legend>
          {g.regions.length === 1 ? (
            <div className="choices">{boxes(g.regions[0].forces)}</div>
          ) : (
            g.regions.map((r) => <Region key={r.region} region={r.region} chosen={r.forces.filter((f) => selected.includes(f.id)).length}>{boxes(r.forces)}</Region>)
          )}
        </fieldset>
      ))}
    </div>
  );
}

/** A region that folds away; open at first when something in it is chosen (then left to the member). */
function Region({ region, chosen, children }: { region: string; chosen: number; children: ReactNode }) {
  const [initiallyOpen] = useState(chosen > 0);
  return (
    <details className="region" open={initiallyOpen || undefined}>
      <summary>
        {region}
        {chosen > 0 && <span className="count"> ({chosen} chosen)</span>}
      </summary>
      <div className="choices">{children}</div>
    </details>
  );
}
