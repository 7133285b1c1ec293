import { useRecordContext, type RaRecord } from 'react-admin';
import { ShowLink } from '../../components/ShowLink';

/**
 * A report's reference as a link to its page (in a list row, a linked report, a request's
 * attached reports): rows are found and opened by their reference.
 */
export const ReportReferenceLink = (_props: { label?: string }) => {
  const report = useRecordContext<RaRecord & { reference?: string | null }>();
  if (!report) return null;
  return (
    <ShowLink resource="reports" id={report.id}>
      {report.reference}
    </ShowLink>
  );
};
