package cn.certflow.appeal;

import java.util.Optional;
import java.util.Set;

import cn.certflow.security.Participation;
import org.springframework.stereotype.Component;

/**
 * Who took part in an appeal or complaint (issue 15.4): whoever holds or held a task of
 * its {@code appeal-complaint} process (business key = case number). The persons the case
 * is about are deliberately not participants.
 */
@Component
class CaseParticipation implements Participation {

	private final CaseRepository cases;

	CaseParticipation(CaseRepository cases) {
		this.cases = cases;
	}

	@Override
	public Optional<Participants> of(Kind kind, String number) {
		if (kind != Kind.CASE) {
			return Optional.empty();
		}
		return this.cases.find(number).map(c -> new Participants(Set.of(c.number()), Set.of()));
	}

}
