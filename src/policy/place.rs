//! Where a finding's pointer lands: the pointer into the policy input
//! (`build_input`), parsed once into the part of the input it names.

use std::sync::Arc;

use crate::resolve::{NodeRef, Resolved};
use crate::source::{SourceFile, Span};

/// The parts of the policy input a pointer can start with, as `build_input`
/// mounts them.
pub const MOUNTS: [&str; 7] = [
    "/srm",
    "/metadata",
    "/providerResponsibilities",
    "/provider",
    "/environment",
    "/frameworks",
    "/vendorResponsibilities",
];

/// A pointer into the policy input, by the part of the input it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// `/srm...`: the SRM's spec, with the pointer below it.
    Srm(String),
    /// `/metadata...`: the SRM's metadata.
    Metadata(String),
    /// `/provider...`: the provider's spec.
    Provider(String),
    /// `/environment...`: the environment spec.
    Environment(String),
    /// `/frameworks/<id>...`, with the control when the pointer names one
    /// (`/frameworks/<id>/controls/<control>...`); tokens unescaped.
    Framework {
        framework: String,
        control: Option<String>,
    },
    /// `/vendorResponsibilities/<vendor>...`: a vendor's published responsibilities.
    VendorResponsibilities { vendor: String, rest: String },
    /// `/providerResponsibilities...`: the MSSP's own.
    ProviderResponsibilities(String),
    /// Anything else: the SRM as a whole.
    Whole,
}

impl Place {
    pub fn parse(pointer: &str) -> Place {
        let mount = MOUNTS.iter().find_map(|&prefix| {
            let rest = pointer.strip_prefix(prefix)?;
            (rest.is_empty() || rest.starts_with('/')).then_some((prefix, rest))
        });
        match mount {
            Some(("/srm", rest)) => Place::Srm(rest.to_owned()),
            Some(("/metadata", rest)) => Place::Metadata(rest.to_owned()),
            Some(("/provider", rest)) => Place::Provider(rest.to_owned()),
            Some(("/environment", rest)) => Place::Environment(rest.to_owned()),
            Some(("/providerResponsibilities", rest)) => {
                Place::ProviderResponsibilities(rest.to_owned())
            }
            Some(("/vendorResponsibilities", rest)) => {
                let rest = rest.strip_prefix('/').unwrap_or(rest);
                let (vendor, below) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
                Place::VendorResponsibilities {
                    vendor: unescape(vendor),
                    rest: below.to_owned(),
                }
            }
            Some((_, rest)) => {
                let mut tokens = rest.split('/').skip(1).map(unescape);
                match tokens.next() {
                    Some(framework) if !framework.is_empty() => {
                        let control = match tokens.next().as_deref() {
                            Some("controls") => tokens.next().filter(|c| !c.is_empty()),
                            _ => None,
                        };
                        Place::Framework { framework, control }
                    }
                    _ => Place::Whole,
                }
            }
            None => Place::Whole,
        }
    }

    /// The row of `srm.responsibilities` the place is in.
    pub fn row(&self) -> Option<usize> {
        let Place::Srm(rest) = self else {
            return None;
        };
        let row = rest.strip_prefix("/responsibilities/")?;
        row.split('/').next()?.parse().ok()
    }

    /// The framework and control the place names.
    pub fn control(&self) -> Option<(&str, &str)> {
        match self {
            Place::Framework {
                framework,
                control: Some(control),
            } => Some((framework, control)),
            _ => None,
        }
    }
}

/// A JSON pointer token as its text: `~1` is `/`, `~0` is `~`.
fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// The source file and span of a place: in the SRM's spec or metadata, the
/// provider's or the environment's spec, or on the SRM's selection of a
/// framework. A framework the SRM does not select, and the SRM as a whole,
/// land on the SRM's name.
pub fn locate(resolved: &Resolved, place: &Place) -> (Arc<SourceFile>, Span) {
    let srm = |pointer: &str| NodeRef::new(&resolved.srm.file, resolved.srm.document, pointer);
    let (base, rest) = match place {
        Place::Srm(rest) => (resolved.srm_spec(), rest.as_str()),
        Place::Metadata(rest) => (srm("/metadata"), rest.as_str()),
        Place::Provider(rest) => (resolved.provider.clone(), rest.as_str()),
        Place::Environment(rest) => (resolved.environment.clone(), rest.as_str()),
        Place::Framework { framework, .. } => {
            match resolved
                .scopes
                .iter()
                .find(|s| s.framework.id() == framework)
            {
                Some(scope) => (scope.selected_at.clone(), ""),
                None => (srm("/metadata/name"), ""),
            }
        }
        Place::VendorResponsibilities { vendor, rest } => {
            match resolved
                .vendor_responsibilities
                .iter()
                .find(|(id, _)| id == vendor)
            {
                Some((_, published)) => (published.at.clone(), rest.as_str()),
                None => (srm("/metadata/name"), ""),
            }
        }
        Place::ProviderResponsibilities(rest) => match &resolved.provider_responsibilities {
            Some(published) => (published.at.clone(), rest.as_str()),
            None => (resolved.provider.clone(), ""),
        },
        Place::Whole => (srm("/metadata/name"), ""),
    };
    (Arc::clone(base.source()), base.span(rest))
}

#[cfg(test)]
mod tests {
    use super::Place;

    #[test]
    fn pointers_parse_into_places() {
        assert_eq!(
            Place::parse("/srm/responsibilities/3/owner"),
            Place::Srm("/responsibilities/3/owner".to_owned())
        );
        assert_eq!(Place::parse("/srm/responsibilities/3/owner").row(), Some(3));
        assert_eq!(Place::parse("/srm/exceptions/3").row(), None);
        assert_eq!(Place::parse("/provider"), Place::Provider(String::new()));
        assert_eq!(Place::parse("/providers/x"), Place::Whole);
        assert_eq!(
            Place::parse("/vendorResponsibilities/aws/controls/2/customer"),
            Place::VendorResponsibilities {
                vendor: "aws".to_owned(),
                rest: "/controls/2/customer".to_owned()
            }
        );
        assert_eq!(
            Place::parse("/providerResponsibilities/controls/0"),
            Place::ProviderResponsibilities("/controls/0".to_owned())
        );
        assert_eq!(Place::parse(""), Place::Whole);
        assert_eq!(
            Place::parse("/environment/components/0"),
            Place::Environment("/components/0".to_owned())
        );
    }

    #[test]
    fn a_pointer_to_a_control_names_it() {
        let place = Place::parse("/frameworks/iso27001-2022/controls/A.5.7/rows");
        assert_eq!(place.control(), Some(("iso27001-2022", "A.5.7")));
        assert_eq!(Place::parse("/frameworks/iso27001-2022").control(), None);
        assert_eq!(
            Place::parse("/srm/responsibilities/3/owner").control(),
            None
        );
        assert_eq!(
            Place::parse("/frameworks/x/controls/a~1b").control(),
            Some(("x", "a/b"))
        );
        assert_eq!(Place::parse("/frameworks"), Place::Whole);
    }
}
