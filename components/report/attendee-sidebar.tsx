import { IntentLink } from "@/components/navigation/intent-link";
import { type Attendee, personSlug } from "@/lib/content";
import { routes } from "@/lib/routes";

export function AttendeeSidebar({ attendees, groups }: { attendees: Attendee[]; groups: string[] }) {
  if (attendees.length === 0 && groups.length === 0) return null;
  return (
    <aside className="attendees" aria-labelledby="thanh-phan-tham-du">
      <h2 id="thanh-phan-tham-du">Thành phần tham dự</h2>
      {attendees.length > 0 && (
        <ul className="attendees__list">
          {attendees.map((attendee) => (
            <li key={`${attendee.rank ?? ""}${attendee.name}`} className="attendee">
              <span className="attendee__name">
                {attendee.rank && <span className="attendee__rank">{attendee.rank} </span>}
                <IntentLink href={routes.person(personSlug(attendee))}>{attendee.name}</IntentLink>
              </span>
              {attendee.role && <span className="attendee__role">{attendee.role}</span>}
            </li>
          ))}
        </ul>
      )}
      {groups.map((group) => (
        <p key={group} className="attendees__group">
          Cùng tham dự: {group}
        </p>
      ))}
    </aside>
  );
}
