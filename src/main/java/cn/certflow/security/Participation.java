package cn.certflow.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who took part in a record that our API shows (issue 15.4), as the package owning the
 * record knows it: the business keys of the processes that worked on it, and everyone on
 * its audit teams. {@link ApiAccess} decides from this who may see the record; the owning
 * packages implement it with their own services.
 */
public interface Participation {

	/** The kinds of record whose reading is decided per person. */
	enum Kind {

		APPLICATION("No application "), CERTIFICATE("No certificate "), CASE("No case ");

		private final String notFound;

		Kind(String notFound) {
			this.notFound = notFound;
		}

		/**
		 * The 404 message of a record that does not exist, word for word as its owner
		 * says it.
		 */
		String notFound(String number) {
			return this.notFound + number;
		}

	}

	/**
	 * @param processBusinessKeys business keys of the process instances that belong to
	 * the record (an application's own, its on-site audits', its certificates' lifecycles
	 * and their audits and suspensions)
	 * @param auditTeam everyone on any of its audit teams, lead auditors included
	 */
	record Participants(Set<String> processBusinessKeys, Set<String> auditTeam) {
	}

	/**
	 * The participants of the record, or empty when there is no such record or it is not
	 * of a kind this owner keeps.
	 */
	Optional<Participants> of(Kind kind, String number);

}
