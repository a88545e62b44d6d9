import {
    Alert,
    Chip,
    LinearProgress,
    Link,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableFooter,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useCreatePath, useTranslate } from 'react-admin';
import { CheckLine, Section } from '../common';
import type { ApplicationChecks } from './types';

const EnumText = ({ name, value }: { name: string; value: string }) => {
    const translate = useTranslate();
    return <>{translate(`enums.${name}.${value}`, { _: value })}</>;
};

/** The warnings of the checks, first thing on the page. */
export const ApplicationWarnings = ({ checks }: { checks?: ApplicationChecks }) => {
    const translate = useTranslate();
    if (!checks) return null;
    if (checks.warnings.length === 0) {
        return (
            <Alert severity="success" sx={{ mb: 2 }} data-testid="application-warnings">
                {translate('applications.checks.noWarning')}
            </Alert>
        );
    }
    return (
        <Alert severity="warning" variant="outlined" sx={{ mb: 2 }} data-testid="application-warnings">
            <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
                {translate('applications.checks.warnings', { smart_count: checks.warnings.length })}
            </Typography>
            <Stack component="ul" sx={{ m: 0, pl: 2.5 }}>
                {checks.warnings.map(warning => (
                    <li key={warning}>
                        <Typography variant="body2">{warning}</Typography>
                    </li>
                ))}
            </Stack>
        </Alert>
    );
};

/** Each answer of the questionnaire with its points, and the total against the threshold. */
export const ScoreTable = ({ checks }: { checks: ApplicationChecks }) => {
    const translate = useTranslate();
    const { score } = checks;
    return (
        <Section title="applications.checks.questionnaire" columns={false} testId="application-score">
            <Table size="small" sx={{ '& td, & th': { px: 1 } }}>
                <TableHead>
                    <TableRow>
                        <TableCell>{translate('applications.checks.question')}</TableCell>
                        <TableCell>{translate('applications.checks.answer')}</TableCell>
                        <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                            {translate('applications.checks.points')}
                        </TableCell>
                    </TableRow>
                </TableHead>
                <TableBody>
                    {score.answers.map(answer => (
                        <TableRow key={answer.code}>
                            <TableCell>{answer.question}</TableCell>
                            <TableCell>{answer.answer}</TableCell>
                            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                                {answer.score} / {answer.maxScore}
                            </TableCell>
                        </TableRow>
                    ))}
                </TableBody>
                <TableFooter>
                    <TableRow>
                        <TableCell colSpan={2} sx={{ fontWeight: 600, color: 'text.primary' }}>
                            {translate('applications.checks.total', {
                                threshold: score.threshold,
                                version: score.questionnaireVersion ?? '?',
                            })}
                        </TableCell>
                        <TableCell align="right" sx={{ whiteSpace: 'nowrap', fontWeight: 600 }}>
                            <Chip
                                size="small"
                                color={score.passes ? 'success' : 'error'}
                                label={`${score.score} / ${score.maxScore}`}
                                data-testid="application-score-total"
                            />
                        </TableCell>
                    </TableRow>
                </TableFooter>
            </Table>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 1.5 }}>
                <LinearProgress
                    variant="determinate"
                    value={score.maxScore ? Math.min(100, (score.score / score.maxScore) * 100) : 0}
                    color={score.passes ? 'success' : 'error'}
                    sx={{ flex: 1, height: 8, borderRadius: 4 }}
                />
                <Typography variant="body2" color={score.passes ? 'success.main' : 'error.main'} sx={{ whiteSpace: 'nowrap' }}>
                    {translate(score.passes ? 'applications.checks.passes' : 'applications.checks.fails', {
                        score: score.score,
                        threshold: score.threshold,
                    })}
                </Typography>
            </Stack>
        </Section>
    );
};

/** Charter signed, SIRET, bank details and possible duplicates. */
export const IdentityChecks = ({ checks }: { checks: ApplicationChecks }) => {
    const translate = useTranslate();
    const createPath = useCreatePath();
    const { charter, siret, bank, otherApplications } = checks;
    return (
        <Section title="applications.checks.title" columns={false} testId="application-checks">
            <Stack spacing={1}>
                <CheckLine ok={charter.upToDate} testId="check-charter">
                    {translate(charter.upToDate ? 'applications.checks.charterOk' : 'applications.checks.charterOld', {
                        signed: charter.signedVersion ?? '?',
                        current: charter.currentVersion ?? '?',
                    })}
                </CheckLine>
                <CheckLine ok={siret.valid && !siret.qualifiedStructure} testId="check-siret">
                    {translate(siret.valid ? 'applications.checks.siretValid' : 'applications.checks.siretInvalid', {
                        siret: siret.value,
                    })}
                    {siret.qualifiedStructure && (
                        <>
                            {' — '}
                            {translate('applications.checks.siretQualified')}{' '}
                            <Link component={RouterLink} to={createPath({ resource: 'structures', id: siret.qualifiedStructure.id, type: 'show' })}>
                                {siret.qualifiedStructure.name}
                            </Link>
                        </>
                    )}
                </CheckLine>
                <CheckLine ok={bank.ibanValid} testId="check-iban">
                    {translate(bank.ibanValid ? 'applications.checks.ibanValid' : 'applications.checks.ibanInvalid')}
                </CheckLine>
                <CheckLine ok={bank.bicValid} testId="check-bic">
                    {translate(bank.bicValid ? 'applications.checks.bicValid' : 'applications.checks.bicInvalid')}
                </CheckLine>
                <CheckLine ok={bank.sameIbanStructures.length === 0} warning testId="check-same-iban">
                    {bank.sameIbanStructures.length === 0
                        ? translate('applications.checks.ibanUnique')
                        : translate('applications.checks.ibanShared')}
                    {bank.sameIbanStructures.map(structure => (
                        <span key={structure.id}>
                            {' '}
                            <Link component={RouterLink} to={createPath({ resource: 'structures', id: structure.id, type: 'show' })}>
                                {structure.name}
                            </Link>{' '}
                            ({structure.siret}, <EnumText name="StructureStatus" value={structure.status} />)
                        </span>
                    ))}
                </CheckLine>
                <CheckLine ok={otherApplications.length === 0} warning testId="check-other-applications">
                    {otherApplications.length === 0
                        ? translate('applications.checks.noOtherApplication')
                        : translate('applications.checks.otherApplications', { smart_count: otherApplications.length })}
                    {otherApplications.map(other => (
                        <span key={other.id}>
                            {' '}
                            <Link component={RouterLink} to={createPath({ resource: 'applications', id: other.id, type: 'show' })}>
                                {other.reference}
                            </Link>{' '}
                            (<EnumText name="ApplicationStatus" value={other.status} />)
                        </span>
                    ))}
                </CheckLine>
            </Stack>
        </Section>
    );
};
