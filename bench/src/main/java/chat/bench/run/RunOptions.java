package chat.bench.run;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code bench/run}: which scenarios, at what scale, our server on which
 * stores, and what else our server is given.
 */
record RunOptions(List<String> chosen, Scale scale, List<StoreKind> stores, boolean profile, List<String> extraServerOptions) {

    static final String USAGE = String.join("\n",
            "usage: bench/run 1|2|3|4|5|6|7|all ... [--scale full|quick|smoke] [--store h2|postgres|h2,postgres]",
            "                 [--profile] [--ours-option -Dkey=value]...",
            "       bench/run results   (RESULTS.md again from the last `all` run and bench/analysis.md)",
            "       bench/run hotspots FILE.jfr   (where a JFR recording spent its CPU and allocations)");

    static RunOptions parse(String[] args) {
        List<String> chosen = new ArrayList<>();
        Scale scale = Scale.FULL;
        List<StoreKind> stores = List.of(StoreKind.H2);
        boolean profile = false;
        List<String> extraServerOptions = new ArrayList<>();
        for (int index = 0; index < args.length; index++) {
            switch (args[index]) {
                case "--scale" -> scale = Scale.named(value(args, ++index));
                case "--store" -> stores = stores(value(args, ++index));
                case "--profile" -> profile = true;
                case "--ours-option" -> extraServerOptions.add(value(args, ++index));
                default -> chosen.add(args[index]);
            }
        }
        return new RunOptions(List.copyOf(chosen), scale, stores, profile, List.copyOf(extraServerOptions));
    }

    /** Our server on each chosen store, then the baseline. */
    List<ServerKind> servers() {
        List<ServerKind> servers = new ArrayList<>();
        stores.forEach(store -> servers.add(ServerKind.ours(store)));
        servers.add(ServerKind.BASELINE);
        return servers;
    }

    private static List<StoreKind> stores(String list) {
        List<StoreKind> stores = new ArrayList<>();
        for (String name : list.split(",")) {
            StoreKind store = StoreKind.named(name);
            if (!stores.contains(store)) {
                stores.add(store);
            }
        }
        return List.copyOf(stores);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value\n" + USAGE);
        }
        return args[index];
    }
}
