//! YAML text to a node tree with byte spans, read the way Kubernetes reads YAML (YAML 1.1 scalars).
