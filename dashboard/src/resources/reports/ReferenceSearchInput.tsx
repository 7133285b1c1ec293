import { SearchInput, useTranslate, type SearchInputProps } from 'react-admin';

/** The reports search box: text in the reference (the ReportFilter's `q`). */
export const ReferenceSearchInput = (props: SearchInputProps) => {
  const translate = useTranslate();
  return <SearchInput placeholder={translate('lantern.reports.search')} {...props} />;
};
