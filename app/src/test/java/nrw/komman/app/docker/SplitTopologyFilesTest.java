package nrw.komman.app.docker;

import nrw.komman.app.role.NodeRole;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files of the split topology ({@code docker/}): the compose file is accepted by Docker Compose
 * ({@code docker compose config}, or the older {@code docker-compose}; CI installs the latter), runs
 * the image once per role with the right profiles and secrets from the environment only; the image
 * runs as a non-root user with a health check. No container is started: no engine runs here.
 */
class SplitTopologyFilesTest {

    private static final Path DOCKER = Path.of("..", "docker");
    private static final Map<String, String> SECRETS = Map.of(
            "KOMMAN_DB_PASSWORD", "db-secret", "KOMMAN_PERSONAL_DATA_MASTER_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            "KOMMAN_PERSONAL_DATA_EMAIL_PEPPER", "pepper-secret", "KOMMAN_ADMIN_PASSWORD", "Lange-Passphrase-2026");

    @Test
    void docker_compose_accepts_the_file_and_refuses_it_without_the_secrets() throws Exception {
        List<String> compose = composeCommand();
        Assumptions.assumeTrue(compose != null, "neither `docker compose` nor `docker-compose` is installed");

        Result withSecrets = run(compose, SECRETS, "config");
        assertThat(withSecrets.exit()).as(withSecrets.output()).isZero();
        Map<String, Object> resolved = new Yaml().load(withSecrets.output());
        Map<String, Map<String, Object>> services = services(resolved);
        assertThat(services).containsKeys("postgres", "axonserver", "command", "query", "web");
        assertThat(withSecrets.output()).contains("db-secret").contains("pepper-secret");

        Result withoutSecrets = run(compose, Map.of(), "config");
        assertThat(withoutSecrets.exit()).as("a missing secret stops the topology before anything starts").isNotZero();
        assertThat(withoutSecrets.output()).contains("KOMMAN_DB_PASSWORD");
    }

    @Test
    void the_image_runs_once_per_role_on_postgres_and_axon_server() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
        Map<String, Map<String, Object>> services = services(file);
        List<String> roles = new ArrayList<>();
        for (NodeRole role : NodeRole.values()) {
            String name = role.name().toLowerCase();
            Map<String, Object> service = services.get(name);
            assertThat(service).as("service " + name).isNotNull();
            @SuppressWarnings("unchecked")
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertThat(environment.get("KOMMAN_ROLE")).isEqualTo(name);
            assertThat(NodeRole.parse((String) environment.get("KOMMAN_ROLE"))).containsExactly(role);
            assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres,axonserver");
            assertThat((String) environment.get("KOMMAN_PERSONAL_DATA_MASTER_KEY")).startsWith("${").contains(":?");
            assertThat(service.get("build")).isNotNull();
            roles.add(name);
        }
        assertThat(roles).containsExactly("command", "query", "web");
        assertThat(services.get("web")).containsKey("ports");
        assertThat(services.get("command")).doesNotContainKey("ports");
        assertThat(services.get("query")).doesNotContainKey("ports");
    }

    @Test
    void the_image_runs_as_a_user_without_root_rights_and_checks_its_own_health() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        List<String> users = dockerfile.lines().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).isNotEmpty();
        assertThat(users.get(users.size() - 1)).doesNotContain("root").doesNotContain(" 0");
        assertThat(dockerfile).contains("HEALTHCHECK").contains("/actuator/health/liveness");
        assertThat(dockerfile).contains("extract --layers");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Map<String, Object> file) {
        return (Map<String, Map<String, Object>>) file.get("services");
    }

    private static List<String> composeCommand() throws InterruptedException {
        if (works(List.of("docker", "compose", "version"))) {
            return List.of("docker", "compose");
        }
        if (works(List.of("docker-compose", "version"))) {
            return List.of("docker-compose");
        }
        return null;
    }

    private static boolean works(List<String> command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> compose, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of("-f", DOCKER.resolve("compose.yaml").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        SECRETS.keySet().forEach(builder.environment()::remove);
        builder.environment().putAll(environment);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }
}
