import { useState } from 'react';
import { Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { DownloadButton } from '../common';
import { isMonth, MonthField } from '../common/MonthField';
import { lastMonthInParis } from '../endorsements/EndorsementActions';

/** The sponsor's monthly redemption report (its passes used, by structure and service): pick an ended month, download the PDF or the CSV. */
export const SponsorReport = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const [month, setMonth] = useState(lastMonthInParis());
    if (!record) return null;
    const valid = isMonth(month);
    return (
        <Stack spacing={1.5} sx={{ maxWidth: 560 }} data-testid="sponsor-report">
            <Typography variant="body2">{translate('sponsors.report.content')}</Typography>
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <MonthField value={month} onChange={setMonth} label="sponsors.report.month" testId="sponsor-report-month" />
                {valid && (
                    <>
                        <DownloadButton path={`sponsors/${record.id}/report.pdf?month=${month}`} filename={`utilisation-${month}.pdf`} label="sponsors.report.pdf" />
                        <DownloadButton path={`sponsors/${record.id}/report.csv?month=${month}`} filename={`utilisation-${month}.csv`} label="sponsors.report.csv" />
                    </>
                )}
            </Stack>
        </Stack>
    );
};
