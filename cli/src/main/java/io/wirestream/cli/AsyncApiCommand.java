package io.wirestream.cli;

import io.wirestream.core.TopicNames;
import io.wirestream.core.contract.AsyncApiDocument;
import io.wirestream.core.contract.ChannelContract;
import io.wirestream.core.contract.ChannelContract.Encoding;
import io.wirestream.core.contract.TopicContracts;
import io.wirestream.processors.route.Route;
import io.wirestream.processors.route.RouteFormat;
import io.wirestream.processors.route.Routes;
import io.wirestream.processors.route.RoutesFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Writes the topic contract, an AsyncAPI 3.0 document, from the topic catalogue and the schemas. Connects to
 * nothing. Routed topics come from a routes file ({@code --routes}, as the processors read it) or one by one
 * ({@code --route}); each becomes a channel written by the processors.
 */
@Command(name = "asyncapi", mixinStandardHelpOptions = true,
    description = {"Write the AsyncAPI 3.0 contract of every topic Wirestream writes or reads (YAML), as docs/asyncapi.yaml holds it.",
        "Routed topics: --routes FILE (the processors' routes file), or --route NAME=TOPIC[:avro|json] (repeatable)."})
final class AsyncApiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the document here instead of to stdout.")
    Path output;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = TopicNames.DEFAULT_PREFIX,
        description = "Prefix of the topic names (topic.prefix; default: ${DEFAULT-VALUE}).")
    String prefix;

    @Option(names = "--routes", paramLabel = "FILE", description = "A routes file (routes.file of the processors): each route's topic becomes a channel.")
    Path routesFile;

    @Option(names = "--route", paramLabel = "NAME=TOPIC[:FORMAT]",
        description = "A routed topic: the route's name, its topic and its format, avro (default) or json. Repeatable.")
    List<String> routes = new ArrayList<>();

    @Option(names = "--schema-base", paramLabel = "PATH_OR_URL", defaultValue = AsyncApiDocument.DEFAULT_SCHEMA_BASE,
        description = "What the schema references start with (default: ${DEFAULT-VALUE}, the schemas seen from docs/).")
    String schemaBase;

    @Override
    public Integer call() throws IOException {
        TopicNames names = new TopicNames(prefix);
        List<ChannelContract> channels = new ArrayList<>(TopicContracts.standard(names));
        if (routesFile != null) {
            for (Route route : routes(routesFile, names).all()) {
                channels.add(TopicContracts.routed(names, route.name(), route.topic(),
                    route.format() == RouteFormat.JSON ? Encoding.JSON : Encoding.AVRO));
            }
        }
        for (String route : routes) {
            channels.add(parseRoute(names, route));
        }
        String base = schemaBase.endsWith("/") ? schemaBase : schemaBase + "/";
        String yaml = AsyncApiDocument.yaml(channels, names, base);
        if (output == null) {
            spec.commandLine().getOut().print(yaml);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, yaml, StandardCharsets.UTF_8);
            spec.commandLine().getErr().println("asyncapi: " + channels.size() + " channels written to " + output);
        }
        return Wirestream.EXIT_OK;
    }

    /** The routes of the file, validated as the processors validate them; a wrong file is a usage error. */
    private static Routes routes(Path file, TopicNames names) {
        try {
            return Routes.load(file, names);
        } catch (RoutesFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** {@code NAME=TOPIC[:avro|json]}; a wrong one is a usage error naming the option. */
    static ChannelContract parseRoute(TopicNames names, String option) {
        int eq = option.indexOf('=');
        if (eq <= 0 || eq == option.length() - 1) {
            throw new IllegalArgumentException("--route " + option + ": expected NAME=TOPIC[:avro|json]");
        }
        String name = option.substring(0, eq);
        String topic = option.substring(eq + 1);
        Encoding format = Encoding.AVRO;
        int colon = topic.lastIndexOf(':');
        if (colon >= 0) {
            String f = topic.substring(colon + 1).toLowerCase(Locale.ROOT);
            topic = topic.substring(0, colon);
            format = switch (f) {
                case "avro" -> Encoding.AVRO;
                case "json" -> Encoding.JSON;
                default -> throw new IllegalArgumentException("--route " + option + ": format '" + f + "' is not avro or json");
            };
        }
        if (!topic.matches("[A-Za-z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("--route " + option + ": '" + topic + "' is not a legal topic name");
        }
        return TopicContracts.routed(names, name, topic, format);
    }
}
