package cn.certflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import cn.certflow.application.CertificationDriver;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The saved Tasklist filters each group gets at start-up, and what they show (R-APP-2 due
 * dates, R-DEC-1).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class TasklistFiltersTest {

	@Autowired
	FilterService filters;

	@Autowired
	CertificationDriver driver;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldGiveEachGroupItsFilters() {
		assertThat(visibleFilters("reviewer")).containsExactlyInAnyOrder("我的任务", "逾期任务");
		assertThat(visibleFilters("decider")).containsExactlyInAnyOrder("我的任务", "逾期任务", "待认证决定");
		assertThat(visibleFilters("manager")).containsExactlyInAnyOrder("我的任务", "逾期任务", "待认证决定", "全部任务");
	}

	@Test
	void shouldShowAReviewInTheOverdueFilterOnlyAfterItsDueDate() {
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 20));
		assertThat(tasksIn("reviewer", "逾期任务")).extracting(Task::getProcessInstanceId)
			.doesNotContain(this.driver.instance(number).getId());
		ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(11).toMillis()));
		assertThat(tasksIn("reviewer", "逾期任务")).extracting(Task::getProcessInstanceId)
			.contains(this.driver.instance(number).getId());
		assertThat(tasksIn("reviewer", "我的任务")).extracting(Task::getProcessInstanceId)
			.contains(this.driver.instance(number).getId());
	}

	private List<String> visibleFilters(String user) {
		List<String> names = new java.util.ArrayList<>();
		this.driver.as(user,
				() -> names.addAll(this.filters.createTaskFilterQuery().list().stream().map(Filter::getName).toList()));
		return names;
	}

	private List<Task> tasksIn(String user, String filterName) {
		List<Task> tasks = new java.util.ArrayList<>();
		this.driver.as(user, () -> {
			Filter filter = this.filters.createTaskFilterQuery().filterName(filterName).singleResult();
			tasks.addAll(this.filters.list(filter.getId()));
		});
		return tasks;
	}

}
