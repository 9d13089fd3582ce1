import { routeHash, type Route } from '../../routes';
import { useUi } from '../../store';
import { Stat, type StatProps } from '../../ui/Stat';

/** One figure on the dashboard; a link to the list behind it when there is one. */
export function StatTile({ to, ...stat }: StatProps & { to?: Route }) {
  const navigate = useUi((state) => state.navigate);
  if (!to) return <Stat {...stat} />;
  return (
    <a
      className="dashboard-figures__link"
      href={routeHash(to)}
      onClick={(event) => {
        event.preventDefault();
        navigate(to);
      }}
    >
      <Stat {...stat} />
    </a>
  );
}
