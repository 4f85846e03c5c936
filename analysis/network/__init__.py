"""Actor networks: who is mentioned with whom, how strongly, which ties matter, and who acts on whom.

The stage turns the ``mentions`` table into the contract's ``edges`` and ``interactions`` tables, and
into networkx graphs for analysis:

1. **Co-occurrence** (:mod:`~analysis.network.cooccurrence`): pairs of actors mentioned in one window
   (sentence, paragraph or document), with count, Jaccard, PMI and NPMI weights and the sentences behind
   each edge.
2. **Backbone** (:mod:`~analysis.network.backbone`): the disparity filter of Serrano, Boguñá &
   Vespignani (2009) keeps the edges that carry a significant share of a node's weight.
3. **Metrics** (:mod:`~analysis.network.metrics`): centrality, communities, ego networks, time slices and
   the outlet–actor network.
4. **Interactions** (:mod:`~analysis.network.interactions`): directed "A <verb> B" events.
5. **Files** (:mod:`~analysis.network.export`): GEXF, GraphML and an HTML view.

:func:`write_network_tables` (:mod:`~analysis.network.stage`) is the pipeline's entry point. Everything
public is importable from here: ``from analysis.network import cooccurrence, to_graph, centrality``.
(The function ``cooccurrence`` shadows its module of the same name as an attribute of this package:
import the module's other names with ``from analysis.network.cooccurrence import ...``.)
"""
from __future__ import annotations

from analysis.network.backbone import disparity_alpha, disparity_backbone
from analysis.network.cooccurrence import (
                                           DEFAULT_EXCLUDE,
                                           WEIGHTS,
                                           WINDOWS,
                                           actor_nodes,
                                           association_weights,
                                           cooccurrence,
                                           edge_sentences,
                                           edges_table,
                                           empty_edges,
                                           to_graph,
)
from analysis.network.export import flat_copy, html_view, write_all, write_gexf, write_graphml, write_html
from analysis.network.interactions import (
                                           QUAD_CLASSES,
                                           extract_interactions,
                                           extract_interactions_table,
                                           interaction_graph,
                                           load_lexicon,
)
from analysis.network.metrics import (
                                           PERIODS,
                                           SEED,
                                           OutletNetwork,
                                           TimeSlices,
                                           centrality,
                                           centrality_over_time,
                                           communities,
                                           edge_changes,
                                           ego_network,
                                           outlet_network,
                                           period_labels,
                                           sorted_copy,
                                           time_slices,
)
from analysis.network.stage import write_network_tables

__all__ = ["WINDOWS", "WEIGHTS", "DEFAULT_EXCLUDE", "PERIODS", "SEED", "QUAD_CLASSES",
           "association_weights", "cooccurrence", "empty_edges", "edge_sentences", "edges_table", "actor_nodes",
           "to_graph", "disparity_alpha", "disparity_backbone", "centrality", "communities", "ego_network",
           "sorted_copy", "TimeSlices", "period_labels", "time_slices", "centrality_over_time", "edge_changes",
           "OutletNetwork", "outlet_network", "extract_interactions", "extract_interactions_table",
           "interaction_graph", "load_lexicon", "flat_copy", "html_view", "write_all", "write_gexf",
           "write_graphml", "write_html", "write_network_tables"]
