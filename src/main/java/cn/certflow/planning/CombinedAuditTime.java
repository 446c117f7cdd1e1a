package cn.certflow.planning;

import java.util.List;

import cn.certflow.system.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * R-AUD-COMB (PCEC 8.2.1): "同一申请单位申请多项认证项目时, 服务管理审核可进行结合审查, 人日数不能少于总审核时间1/2". When
 * several schemes of one client are audited together, the person-days are at least half
 * of the sum of each scheme's audit time (each from {@link AuditTimeService}), rounded up
 * to whole days (PCEC 15: "审核时间不是整数时向上取整"), and never below the on-site floor of 2
 * person-days (PCEC 8.2.1).
 */
@Service
public class CombinedAuditTime {

	/** Field named when a plan is below the minimum. */
	public static final String FIELD = "personDays";

	static final int ONSITE_FLOOR = 2;

	/**
	 * The fewest person-days a combined audit of these schemes may have.
	 * @param schemeDays each scheme's own audit time in person-days
	 * @throws InvalidInputException naming {@code schemeDays} when there is none or a day
	 * count below 1
	 */
	public int minimumPersonDays(List<Integer> schemeDays) {
		if (schemeDays == null || schemeDays.isEmpty()) {
			throw new InvalidInputException("schemeDays", "结合审查至少需要一个认证项目的审核时间");
		}
		int sum = 0;
		for (Integer days : schemeDays) {
			if (days == null || days < 1) {
				throw new InvalidInputException("schemeDays", "每个认证项目的审核时间须至少 1 人日，实为 " + days);
			}
			sum += days;
		}
		return Math.max(ONSITE_FLOOR, (sum + 1) / 2);
	}

	/**
	 * Refuses a combined audit planned with fewer person-days than
	 * {@link #minimumPersonDays}.
	 * @throws InvalidInputException naming {@code personDays}
	 */
	public void check(int plannedPersonDays, List<Integer> schemeDays) {
		int minimum = minimumPersonDays(schemeDays);
		if (plannedPersonDays < minimum) {
			throw new InvalidInputException(FIELD, "结合审查的人日数不能少于各认证项目审核时间之和 " + sum(schemeDays) + " 的 1/2，至少 " + minimum
					+ " 人日，计划为 " + plannedPersonDays + " 人日（PCEC 8.2.1）");
		}
	}

	private static int sum(List<Integer> days) {
		return days.stream().mapToInt(Integer::intValue).sum();
	}

}
