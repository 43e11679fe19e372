//! YAML reading with source spans, resource limits and typed deserialisation.

mod columns;
mod de;
mod error;
mod limits;
mod node;
mod parse;
mod recover;
mod scalar;

pub use de::from_node;
pub use error::YamlError;
pub use limits::Limits;
pub use node::{escape_token, Node, NodeKind, PointerTarget};
pub use parse::parse_documents;
pub use recover::from_node_all;
