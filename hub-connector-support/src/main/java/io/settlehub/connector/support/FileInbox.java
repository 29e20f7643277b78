package io.settlehub.connector.support;

import static org.apache.camel.builder.Builder.constant;

import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * How a connector reads a folder of partner files (local or over SFTP) so that no file is lost: a file read and
 * published moves to the done folder; a file that cannot be read moves to the failed folder once its reason is
 * published on hub.connectors.unmapped; any other failure — the broker down mid-file — leaves the file where it is, to
 * be read again at the next poll (its events carry their duplicate ids, so what was published before the failure
 * applies once). A file consumer's {@code moveFailed} would set a good file aside for a broker outage; an inbox has none.
 */
public final class FileInbox {

    static final String FOLDER = "hubFileInboxFolder";

    private final String done;
    private final String failed;

    public FileInbox(String done, String failed) {
        this.done = done;
        this.failed = failed;
    }

    /** The file endpoint's move option: to the folder the outcome chose, the file named {@code <time>-<name>}. */
    public static String moveOption(String name) {
        return "&move=${exchangeProperty." + FOLDER + "}/${date:now:yyyyMMdd-HHmmss}-" + name;
    }

    /** Where the exchange's file goes once the route is done with it (done or failed folder). */
    public static String destination(Exchange exchange) {
        return exchange.getProperty(FOLDER, String.class);
    }

    /** The route's first step: a file goes to the done folder unless it turns out unreadable. */
    public RouteDefinition reads(RouteDefinition route) {
        return route.setProperty(FOLDER, constant(done));
    }

    /**
     * A file that raises {@code unreadable}: {@code recordFailure} (metrics, log), its reason published, then the file
     * set aside in the failed folder. If the reason cannot be published, the file stays for the next poll.
     */
    public void setsAside(RouteBuilder routes, Class<? extends Exception> unreadable, Processor recordFailure, Expression source) {
        PublishSteps.unreadableFile(routes.onException(unreadable).handled(true).process(recordFailure), source)
                .setProperty(FOLDER, constant(failed));
    }
}
