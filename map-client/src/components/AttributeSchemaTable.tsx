// A layer's attribute schema: field, Chinese label, type, unit, code list (by its name when the code
// lists are available) and whether the field is required.
import { fetchCodeLists } from '../api/codeLists';
import type { AttributeDefinition, CodeList } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useResource } from './useResource';

export function AttributeSchemaTable({ schema }: { schema: AttributeDefinition[] }) {
  const { t } = useI18n();
  const usesCodeLists = schema.some((definition) => definition.codeList);
  const { resource } = useResource<CodeList[]>(usesCodeLists ? 'code-lists' : null, (signal) =>
    fetchCodeLists(signal),
  );
  // Code-list names are a nicety: without them the list's code is shown.
  const codeListName = (code: string) =>
    (resource.status === 'ready' ? resource.value.find((list) => list.code === code)?.name : undefined) ??
    code;

  if (schema.length === 0) return <p className="ob-muted">{t('attributes.none')}</p>;
  return (
    <table className="ob-table ob-table-compact" data-testid="attribute-schema">
      <thead>
        <tr>
          <th scope="col">{t('attributes.col.name')}</th>
          <th scope="col">{t('attributes.col.label')}</th>
          <th scope="col">{t('attributes.col.type')}</th>
          <th scope="col">{t('attributes.col.unit')}</th>
          <th scope="col">{t('attributes.col.codeList')}</th>
          <th scope="col">{t('attributes.col.required')}</th>
        </tr>
      </thead>
      <tbody>
        {schema.map((definition) => (
          <tr key={definition.name}>
            <td className="ob-code">{definition.name}</td>
            <td>{definition.label}</td>
            <td>{t(`attributeType.${definition.type}`)}</td>
            <td>{definition.unit ?? ''}</td>
            <td title={definition.codeList}>
              {definition.codeList ? codeListName(definition.codeList) : ''}
            </td>
            <td>{definition.required ? t('info.yes') : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
