import { useContext } from 'react';
import { useT } from '../../i18n';
import { ParamsContext, proseText } from './ControlParts';
import { isWebUrl, type OscalLink, type OscalParam, type OscalProp } from './oscal';

function None() {
  const t = useT();
  return <span className="muted">{t('common.none')}</span>;
}

export function ParamsTable({ params, control }: { params: OscalParam[]; control: string }) {
  const t = useT();
  const byId = useContext(ParamsContext);
  return (
    <div className="table-wrap">
      <table className="table table--top">
        <caption className="visually-hidden">{t('catalogs.control.parametersCaption', { control })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalogs.control.id')}</th>
            <th scope="col">{t('catalogs.control.label')}</th>
            <th scope="col">{t('catalogs.control.values')}</th>
            <th scope="col">{t('catalogs.control.choices')}</th>
            <th scope="col">{t('catalogs.control.guidelines')}</th>
          </tr>
        </thead>
        <tbody>
          {params.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <code>{p.id}</code>
              </th>
              <td className="cell-wrap">{p.label ?? <None />}</td>
              <td className="cell-wrap">{p.values.length > 0 ? p.values.join(', ') : <None />}</td>
              <td className="cell-wrap">
                {p.select && p.select.choices.length > 0 ? (
                  <>
                    <span className="block small muted">
                      {p.select.howMany === 'one-or-more' ? t('catalogs.control.chooseOneOrMore') : t('catalogs.control.chooseOne')}
                    </span>
                    <ul className="plain-list">
                      {p.select.choices.map((c, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: choices are positional and may repeat.
                        <li key={i}>{proseText(t, byId, c)}</li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <None />
                )}
              </td>
              <td className="cell-wrap cell-prose">
                {p.guidelines.length > 0 ? p.guidelines.map((g) => proseText(t, byId, g)).join('\n\n') : <None />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PropsTable({ props, control }: { props: OscalProp[]; control: string }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('catalogs.control.propertiesCaption', { control })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalogs.control.name')}</th>
            <th scope="col">{t('catalogs.control.value')}</th>
            <th scope="col">{t('catalogs.control.ns')}</th>
            <th scope="col">{t('catalogs.control.class')}</th>
          </tr>
        </thead>
        <tbody>
          {props.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the same name may occur several times.
            <tr key={i}>
              <th scope="row">
                <code>{p.name}</code>
              </th>
              <td className="cell-wrap">{p.value}</td>
              <td className="cell-wrap break-anywhere">{p.ns ?? <None />}</td>
              <td>{p.class ?? <None />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Links as text; only http(s) targets are clickable (fragments and URNs point into the document). */
export function LinksTable({ links, control }: { links: OscalLink[]; control: string }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('catalogs.control.linksCaption', { control })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalogs.control.href')}</th>
            <th scope="col">{t('catalogs.control.rel')}</th>
            <th scope="col">{t('catalogs.control.text')}</th>
          </tr>
        </thead>
        <tbody>
          {links.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: links have no identity of their own.
            <tr key={i}>
              <td className="cell-wrap break-anywhere">
                {isWebUrl(l.href) ? (
                  <a href={l.href} rel="noopener noreferrer">
                    {l.href}
                  </a>
                ) : (
                  <code>{l.href}</code>
                )}
              </td>
              <td>{l.rel ?? <None />}</td>
              <td className="cell-wrap">{l.text ?? <None />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
