import { PropsWithChildren, ReactNode } from 'react';
import { Content, Header, HeaderTabs, Page } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useLocation, useNavigate } from 'react-router-dom';
import {
  adoptionRouteRef,
  graphRouteRef,
  guideRouteRef,
  rootRouteRef,
  wizardRouteRef,
} from '../../routes';
import { useProseStyles } from './proseStyles';

/** The page frame shared by every patterns page: header and section tabs. */
export function PatternsLayout(
  props: PropsWithChildren<{ title: string; subtitle?: ReactNode }>,
) {
  const { title, subtitle, children } = props;
  const classes = useProseStyles();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tabs = [
    { id: 'catalog', label: 'Catalog', to: useRouteRef(rootRouteRef)() },
    { id: 'guide', label: 'Guide', to: useRouteRef(guideRouteRef)() },
    {
      id: 'wizard',
      label: 'Decision Wizard',
      to: useRouteRef(wizardRouteRef)(),
    },
    { id: 'graph', label: 'Graph', to: useRouteRef(graphRouteRef)() },
    { id: 'adoption', label: 'Adoption', to: useRouteRef(adoptionRouteRef)() },
  ];
  const selected = tabs.findIndex(tab => pathname === tab.to);

  return (
    <Page themeId="tool">
      <Header title={title} subtitle={subtitle} type="Architecture Patterns" />
      <HeaderTabs
        tabs={tabs}
        selectedIndex={selected === -1 ? undefined : selected}
        onChange={index => navigate(tabs[index].to)}
      />
      <Content className={classes.prose}>{children}</Content>
    </Page>
  );
}
