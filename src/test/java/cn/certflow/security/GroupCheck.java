package cn.certflow.security;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * For controller slices (issue 17 point 4): a mocked {@link ApiAccess} whose group check
 * answers as the real one does for a caller in one group — their user id when the
 * controller asks for any group that includes theirs, 403 otherwise. Unlike stubbing the
 * exact groups a controller names, a slice test then fails when the controller asks for
 * the wrong groups, in whatever order it names them.
 */
public final class GroupCheck {

	private GroupCheck() {
	}

	/** The caller is {@code userId}, a member of {@code group} only. */
	public static void callerIn(ApiAccess access, String userId, String group) {
		given(access.requireAnyGroup(any(String[].class))).willAnswer((call) -> {
			List<String> asked = Arrays.asList((String[]) call.getRawArguments()[0]);
			if (!asked.contains(group)) {
				throw new AuthorizationException("user " + userId + " is not in any of the groups " + asked);
			}
			return userId;
		});
	}

}
