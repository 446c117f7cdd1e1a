package cn.certflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The three model folders are packaged and auto-deployed: every .bpmn, .dmn and .form
 * file is a deployed resource. Without the demo profile there are no accounts at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ModelDeploymentTest {

	@Autowired
	RepositoryService repository;

	@Autowired
	IdentityService identity;

	@Test
	void shouldDeployEveryModelFileOfProcessesRulesAndForms() throws IOException {
		List<String> files;
		try (Stream<Path> walk = Stream.of("processes", "rules", "forms").flatMap(ModelDeploymentTest::walk)) {
			files = walk.map(p -> p.toString().replace('\\', '/'))
				.filter(p -> p.endsWith(".bpmn") || p.endsWith(".dmn") || p.endsWith(".form"))
				.toList();
		}
		assertThat(files).contains("processes/initial-certification.bpmn", "processes/onsite-audit.bpmn",
				"rules/grade-pcec.dmn", "rules/grade-cqm.dmn", "rules/audit-time.dmn", "forms/audit-scoring-pcec.form");
		List<String> deployed = this.repository.createDeploymentQuery()
			.list()
			.stream()
			.flatMap(d -> this.repository.getDeploymentResources(d.getId()).stream())
			.map(Resource::getName)
			.toList();
		for (String file : files) {
			assertThat(deployed).as("deployed resources").anySatisfy(name -> assertThat(name).endsWith(file));
		}
	}

	@Test
	void shouldCreateGroupsButNoAccountOutsideTheDemoProfile() {
		assertThat(this.identity.createGroupQuery().list()).extracting(g -> g.getId())
			.contains("cb-reviewers", "auditors", "lead-auditors", "decision-makers", "quality-managers", "managers",
					"camunda-admin");
		assertThat(this.identity.createUserQuery().count()).isZero();
	}

	private static Stream<Path> walk(String folder) {
		try {
			return Files.walk(Path.of(folder)).filter(Files::isRegularFile);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
