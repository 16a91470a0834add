// The default instruments, norm tables and signal rules every school starts with (editable copies per school).
import { sql } from 'drizzle-orm';
import { DEFAULT_INSTRUMENTS } from '../../domain/assessments/instruments';
import { DEFAULT_NORMS } from '../../domain/assessments/norms';
import { DEFAULT_SIGNAL_RULES } from '../../domain/assessments/signals';
import { intArray, rows, type DbOrTx } from '../db/client';
import { ruleToRow } from './repo';

/**
 * Copies the default instruments of the school's sector (and their norm tables) to the given schools, or to every school. Idempotent:
 * an instrument whose code the school already has is left alone (the school may have edited it), and a default
 * added in a later version of Koers reaches existing schools. A school that had no instruments at all is new to
 * pupil monitoring and also gets the default signal rules (a school that removed its rules does not get them back).
 * Runs at school creation, in the demo seed, and on every start (`start.ts`, after the migrations).
 */
export async function ensureDefaultInstruments(db: DbOrTx, schoolIds?: readonly number[]): Promise<{ instruments: number; rules: number }> {
  const only = schoolIds ? sql`s.id = any(${intArray(schoolIds)})` : sql`true`;
  const fresh = await rows<{ id: number }>(db, sql`select s.id from schools s where ${only}
    and not exists (select 1 from instruments i where i.school_id = s.id)`);
  const defs = DEFAULT_INSTRUMENTS.map((d) => ({
    code: d.code, name: d.name, domain: d.domain, supplier: d.supplier, sector: d.sector, moments: d.moments, score_kinds: d.scoreKinds, level_scale: d.levelScale,
  }));
  const inserted = await rows<{ id: number; code: string }>(db, sql`
    insert into instruments (school_id, code, name, domain, supplier, moments, score_kinds, level_scale)
    select s.id, d.code, d.name, d.domain, d.supplier,
      array(select json_array_elements_text(d.moments)), array(select json_array_elements_text(d.score_kinds)), d.level_scale
    from schools s cross join json_to_recordset(${JSON.stringify(defs)}::json)
      as d(code text, name text, domain text, supplier text, sector text, moments json, score_kinds json, level_scale text)
    where ${only} and d.sector = s.sector
    on conflict (school_id, code) do nothing
    returning id, code`);
  const norms: { instrument_id: number; kind: 'level' | 'dle'; moment: string | null; data: unknown }[] = [];
  for (const i of inserted) {
    const n = DEFAULT_NORMS[i.code];
    if (!n) continue;
    for (const l of n.levelNorms) norms.push({ instrument_id: i.id, kind: 'level', moment: l.moment, data: l });
    for (const d of n.dleNorms) norms.push({ instrument_id: i.id, kind: 'dle', moment: d.moment, data: d });
  }
  for (let k = 0; k < norms.length; k += 2000) {
    await db.execute(sql`insert into norm_tables (instrument_id, kind, moment, data)
      select instrument_id, kind, moment, data from json_to_recordset(${JSON.stringify(norms.slice(k, k + 2000))}::json)
        as x(instrument_id int, kind text, moment text, data jsonb)
      on conflict do nothing`);
  }
  let rules = 0;
  if (fresh.length > 0) {
    const ruleRows = fresh.flatMap((s) => DEFAULT_SIGNAL_RULES.map((r) => ({ school_id: s.id, ...ruleToRow(r) })));
    await db.execute(sql`insert into signal_rules (school_id, kind, label, params, domains, active)
      select school_id, kind, label, params, array(select json_array_elements_text(domains)), active
      from json_to_recordset(${JSON.stringify(ruleRows)}::json) as x(school_id int, kind text, label text, params jsonb, domains json, active boolean)`);
    rules = ruleRows.length;
  }
  return { instruments: inserted.length, rules };
}
