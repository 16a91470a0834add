// The published versions of a plan, newest first: who published it when, the content hash, the parents' signatures
// and zienswijzen on that version, the PDF, and the text of the version (folded). For the latest version the school
// can record a response that was signed on paper, with the scan of the signed form.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedResponses } from '../../domain/support/versions';
import type { ResponseKind } from '../../domain/support/model';
import type { PlanVersionView } from '../../domain/support/views';
import { Alert, FormError, SelectField, SubmitButton, TextAreaField, TextField } from '../shared/components';
import { formatDate, todayIso } from '../shared/format';
import { useSubmit } from '../shared/hooks';
import { fileToBase64, recordPaper, scanUrl, versionPdfUrl, type PaperBody, type PlanView } from './api';
import { responseKindLabel } from './labels';
import { PlanDocumentView, SignatureBlock } from './PlanDocumentView';

const SCAN_TYPES: Record<string, PaperBody['scan']['mime']> = {
  'application/pdf': 'application/pdf',
  'image/jpeg': 'image/jpeg',
  'image/png': 'image/png',
};
const SCAN_MAX = 5 * 1024 * 1024;

function PaperForm({ pupilId, plan, version, onSaved }: { pupilId: number; plan: PlanView; version: PlanVersionView; onSaved: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const kinds = allowedResponses(plan.requirement);
  const signers = plan.guardians.filter((g) => g.hasAuthority);
  const [guardianId, setGuardianId] = useState('');
  const [kind, setKind] = useState<ResponseKind>(kinds[0] ?? 'comment');
  const [signedOn, setSignedOn] = useState(todayIso());
  const [statement, setStatement] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<{ guardian?: string; statement?: string; file?: string }>({});
  const { busy, error, run } = useSubmit();
  const base = `sp-paper-${version.number}`;
  const needsStatement = kind === 'refuse' || kind === 'disagree' || kind === 'comment';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const mime = file ? SCAN_TYPES[file.type] : undefined;
    const next = {
      guardian: guardianId ? undefined : t('support.plan.paper.guardianRequired'),
      statement: needsStatement && statement.trim().length < 3 ? t('support.plan.paper.statementRequired') : undefined,
      file: !file ? t('support.plan.paper.fileRequired') : !mime ? t('support.plan.paper.fileType') : file.size > SCAN_MAX ? t('support.plan.paper.fileSize') : undefined,
    };
    setProblems(next);
    const first = next.guardian ? `${base}-guardian` : next.statement ? `${base}-statement` : next.file ? `${base}-file` : null;
    if (first) {
      document.getElementById(first)?.focus();
      return;
    }
    const saved = await run(async () =>
      recordPaper(pupilId, plan.id, version.number, {
        guardianId: Number(guardianId),
        kind,
        statement: statement.trim(),
        signedOn,
        scan: { filename: file!.name, mime: mime!, dataBase64: await fileToBase64(file!) },
      }),
    );
    if (saved) {
      setOpen(false);
      setDone(true);
      setGuardianId('');
      setStatement('');
      setFile(null);
      onSaved();
    }
  }

  if (signers.length === 0) return <p className="muted">{t('support.plan.paper.noGuardians')}</p>;
  if (!open) {
    return (
      <>
        {done ? (
          <Alert kind="success">
            <p>{t('support.plan.paper.saved')}</p>
          </Alert>
        ) : null}
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setOpen(true);
            setDone(false);
          }}
        >
          {t('support.plan.paper.open')}
        </button>
      </>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="sp-inline-form" aria-labelledby={`${base}-title`}>
      <h4 id={`${base}-title`}>{t('support.plan.paper.title', { n: version.number })}</h4>
      <p className="muted">{t('support.plan.paper.intro')}</p>
      <FormError error={error} />
      <div className="form-grid">
        <SelectField label={t('support.plan.paper.guardian')} value={guardianId} onChange={setGuardianId} id={`${base}-guardian`} error={problems.guardian ?? error?.fields.guardianId}>
          <option value="">{t('support.plan.paper.chooseGuardian')}</option>
          {signers.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('support.plan.paper.kind')} value={kind} onChange={(v) => setKind(v as ResponseKind)} id={`${base}-kind`} error={error?.fields.kind}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {responseKindLabel(t, k)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('support.plan.paper.signedOn')} type="date" value={signedOn} onChange={setSignedOn} required id={`${base}-date`} error={error?.fields.signedOn} />
      </div>
      <TextAreaField
        label={needsStatement ? t('support.plan.paper.statement') : t('support.plan.paper.statementOptional')}
        value={statement}
        onChange={setStatement}
        rows={3}
        id={`${base}-statement`}
        maxLength={4000}
        error={problems.statement ?? error?.fields.statement}
      />
      <div className={`field${problems.file ? ' field-invalid' : ''}`}>
        <label htmlFor={`${base}-file`}>{t('support.plan.paper.file')}</label>
        <input
          id={`${base}-file`}
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          aria-invalid={problems.file ? true : undefined}
          aria-describedby={problems.file ? `${base}-file-error` : undefined}
        />
        {problems.file ? (
          <p className="field-error" id={`${base}-file-error`}>
            {problems.file}
          </p>
        ) : null}
      </div>
      <div className="form-actions">
        <SubmitButton busy={busy}>{t('support.plan.paper.submit')}</SubmitButton>
        <button type="button" className="button secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function VersionsPanel({ pupilId, plan, onChanged }: { pupilId: number; plan: PlanView; onChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="sp-versions-title">
      <h2 id="sp-versions-title">{t('support.plan.versions.title')}</h2>
      {plan.versions.length === 0 ? (
        <p className="empty">{t('support.plan.versions.none')}</p>
      ) : (
        <>
          <p className="muted">{t('support.plan.versions.intro')}</p>
          <ol className="plain-list">
            {plan.versions.map((v, i) => (
              <li key={v.number} className="sp-version">
                <h3>
                  {t('support.plan.versions.heading', { n: v.number, date: formatDate(v.publishedAt), name: v.publishedBy.name })}
                  {i === 0 ? <span className="badge sp-latest">{t('support.plan.versions.latest')}</span> : null}
                </h3>
                <p className="muted small-text">
                  {t('support.plan.versions.hash')}: <code>{v.contentHash.slice(0, 12)}</code>
                </p>
                <SignatureBlock state={v.signatures} responses={v.responses} level={4} scanHref={(scanId) => scanUrl(pupilId, plan.id, scanId)} />
                <p>
                  <a href={versionPdfUrl(pupilId, plan.id, v.number)} download>
                    {t('support.plan.versions.pdf', { n: v.number })}
                  </a>
                </p>
                {i === 0 && plan.can.recordPaper ? <PaperForm pupilId={pupilId} plan={plan} version={v} onSaved={onChanged} /> : null}
                <details className="sp-version-content">
                  <summary>{t('support.plan.versions.showContent', { n: v.number })}</summary>
                  <PlanDocumentView doc={v.doc} title={v.title} level={4} />
                </details>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
