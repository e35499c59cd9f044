package nrw.komman.query.readmodel;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * This running instance of the application among the nodes on one database: process and host, plus
 * a part of its own, so that two instances in one JVM (as in the cluster tests) or a restarted
 * process with a reused pid never pass for each other when they claim segments or rebuilds.
 */
public record NodeIdentity(String id) {

    public static NodeIdentity generate() {
        return new NodeIdentity(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8));
    }
}
