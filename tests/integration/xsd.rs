//! A small interpreter of the XML Schema constructs `junit-10.xsd` uses; any
//! other construct fails the test instead of passing unchecked.

use std::collections::{BTreeSet, HashMap};

use regex::Regex;
use roxmltree::Node;

use crate::harness::root;

const XS: &str = "http://www.w3.org/2001/XMLSchema";

pub struct Schema {
    /// Element declarations: global ones by name, local ones by a made-up key.
    elements: HashMap<String, Decl>,
    complex_types: HashMap<String, Complex>,
    /// Named string restrictions, by their anchored pattern.
    simple_types: HashMap<String, Regex>,
}

#[derive(Clone)]
enum Decl {
    /// `xs:string` or a named simple type.
    Simple(Option<Regex>),
    Complex(Complex),
    /// A named complex type, resolved at validation.
    Named(String),
}

#[derive(Clone)]
struct Complex {
    mixed: bool,
    model: Option<Particle>,
    /// Name, required, pattern.
    attributes: Vec<(String, bool, Option<Regex>)>,
}

#[derive(Clone)]
struct Particle {
    min: usize,
    max: Option<usize>,
    term: Term,
}

#[derive(Clone)]
enum Term {
    /// Element name and the key of its declaration.
    Element(String, String),
    Sequence(Vec<Particle>),
    Choice(Vec<Particle>),
}

fn xs<'a>(node: Node<'a, 'a>) -> impl Iterator<Item = Node<'a, 'a>> {
    node.children().filter(|n| n.is_element()).inspect(|n| {
        assert_eq!(n.tag_name().namespace(), Some(XS), "not an XSD element");
    })
}

fn unsupported(node: Node) -> ! {
    panic!(
        "XSD construct not supported by this check: <{}> {:?}",
        node.tag_name().name(),
        node.attributes()
            .map(|a| (a.name(), a.value()))
            .collect::<Vec<_>>()
    )
}

impl Schema {
    pub fn load(path: &str) -> Schema {
        let text = std::fs::read_to_string(root().join(path)).expect("schema readable");
        let document = roxmltree::Document::parse(&text).expect("schema is XML");
        let mut schema = Schema {
            elements: HashMap::new(),
            complex_types: HashMap::new(),
            simple_types: HashMap::new(),
        };
        let top = document.root_element();
        // Simple types first: attributes and elements refer to them.
        for node in xs(top).filter(|n| n.has_tag_name((XS, "simpleType"))) {
            let name = node.attribute("name").expect("named simple type");
            let restriction = xs(node).next().unwrap_or_else(|| unsupported(node));
            if !restriction.has_tag_name((XS, "restriction"))
                || restriction.attribute("base") != Some("xs:string")
            {
                unsupported(restriction)
            }
            let patterns: Vec<String> = xs(restriction)
                .map(|p| match p.has_tag_name((XS, "pattern")) {
                    true => format!("(?:{})", p.attribute("value").expect("value")),
                    false => unsupported(p),
                })
                .collect();
            let pattern = format!("^(?:{})$", patterns.join("|"));
            schema
                .simple_types
                .insert(name.to_owned(), Regex::new(&pattern).expect("pattern"));
        }
        for node in xs(top) {
            match node.tag_name().name() {
                "simpleType" => {}
                "complexType" => {
                    let name = node.attribute("name").expect("named complex type");
                    let complex = schema.complex(node);
                    schema.complex_types.insert(name.to_owned(), complex);
                }
                "element" => {
                    let name = node.attribute("name").expect("named element");
                    let decl = schema.decl(node);
                    schema.elements.insert(name.to_owned(), decl);
                }
                _ => unsupported(node),
            }
        }
        schema
    }

    fn simple(&self, type_name: &str) -> Option<Option<Regex>> {
        match type_name {
            "xs:string" => Some(None),
            name => self.simple_types.get(name).map(|r| Some(r.clone())),
        }
    }

    fn decl(&mut self, node: Node) -> Decl {
        if let Some(type_name) = node.attribute("type") {
            return match self.simple(type_name) {
                Some(pattern) => Decl::Simple(pattern),
                None if !type_name.starts_with("xs:") => Decl::Named(type_name.to_owned()),
                None => unsupported(node),
            };
        }
        let mut children = xs(node);
        match (children.next(), children.next()) {
            (Some(c), None) if c.has_tag_name((XS, "complexType")) => {
                Decl::Complex(self.complex(c))
            }
            _ => unsupported(node),
        }
    }

    fn complex(&mut self, node: Node) -> Complex {
        let mut complex = Complex {
            mixed: node.attribute("mixed") == Some("true"),
            model: None,
            attributes: Vec::new(),
        };
        for child in xs(node) {
            match child.tag_name().name() {
                "sequence" | "choice" if complex.model.is_none() => {
                    complex.model = Some(self.particle(child))
                }
                "attribute" => {
                    let name = child.attribute("name").expect("attribute name");
                    let required = match child.attribute("use") {
                        None | Some("optional") => false,
                        Some("required") => true,
                        Some(_) => unsupported(child),
                    };
                    let pattern = self
                        .simple(child.attribute("type").unwrap_or("xs:string"))
                        .unwrap_or_else(|| unsupported(child));
                    complex
                        .attributes
                        .push((name.to_owned(), required, pattern));
                }
                _ => unsupported(child),
            }
        }
        complex
    }

    fn particle(&mut self, node: Node) -> Particle {
        let min = node
            .attribute("minOccurs")
            .map_or(1, |v| v.parse().expect("minOccurs"));
        let max = match node.attribute("maxOccurs") {
            None => Some(1),
            Some("unbounded") => None,
            Some(v) => Some(v.parse().expect("maxOccurs")),
        };
        let term = match node.tag_name().name() {
            "sequence" => Term::Sequence(xs(node).map(|c| self.particle(c)).collect()),
            "choice" => Term::Choice(xs(node).map(|c| self.particle(c)).collect()),
            "element" => match (node.attribute("ref"), node.attribute("name")) {
                (Some(name), None) => Term::Element(name.to_owned(), name.to_owned()),
                (None, Some(name)) => {
                    let key = format!("local {} {name}", self.elements.len());
                    let decl = self.decl(node);
                    self.elements.insert(key.clone(), decl);
                    Term::Element(name.to_owned(), key)
                }
                _ => unsupported(node),
            },
            _ => unsupported(node),
        };
        Particle { min, max, term }
    }

    pub fn assert_valid(&self, xml: &str) {
        if let Err(error) = self.check(xml) {
            panic!("not valid against the schema: {error}\n{xml}");
        }
    }

    pub fn check(&self, xml: &str) -> Result<(), String> {
        let document = roxmltree::Document::parse(xml).map_err(|e| e.to_string())?;
        let top = document.root_element();
        let name = top.tag_name().name();
        let decl = self
            .elements
            .get(name)
            .ok_or(format!("<{name}> is not a global element"))?;
        self.validate(top, decl)
    }

    fn validate(&self, node: Node, decl: &Decl) -> Result<(), String> {
        let name = node.tag_name().name();
        let at = |what: String| format!("<{name}> (byte {}): {what}", node.range().start);
        if node.tag_name().namespace().is_some() {
            return Err(at("elements of a namespace are not in the schema".into()));
        }
        let complex = match decl {
            Decl::Simple(pattern) => {
                if node.children().any(|c| c.is_element()) || node.attributes().next().is_some() {
                    return Err(at("a simple element holds text only".into()));
                }
                let text = node.text().unwrap_or("");
                return match pattern {
                    Some(p) if !p.is_match(text) => Err(at(format!("`{text}` does not match"))),
                    _ => Ok(()),
                };
            }
            Decl::Complex(complex) => complex,
            Decl::Named(type_name) => self
                .complex_types
                .get(type_name)
                .ok_or(at(format!("no type {type_name}")))?,
        };
        check_attributes(node, complex).map_err(at)?;
        if !complex.mixed
            && node
                .children()
                .any(|c| c.is_text() && !c.text().unwrap_or("").trim().is_empty())
        {
            return Err(at("text is not allowed here".into()));
        }
        let children: Vec<Node> = node.children().filter(|c| c.is_element()).collect();
        let names: Vec<&str> = children.iter().map(|c| c.tag_name().name()).collect();
        let mut keys = HashMap::new();
        match &complex.model {
            None if !children.is_empty() => return Err(at("no child elements are allowed".into())),
            None => {}
            Some(model) => {
                model.keys(&mut keys);
                if !model.matches(&names, 0).contains(&names.len()) {
                    return Err(at(format!(
                        "children {names:?} do not fit the content model"
                    )));
                }
            }
        }
        for child in children {
            let key = &keys[child.tag_name().name()];
            self.validate(child, &self.elements[key])?;
        }
        Ok(())
    }
}

/// Every attribute of `node` declared by its type and of that type, and every
/// required one there.
fn check_attributes(node: Node, complex: &Complex) -> Result<(), String> {
    for attribute in node.attributes() {
        let declared = complex
            .attributes
            .iter()
            .find(|(n, _, _)| n == attribute.name() && attribute.namespace().is_none())
            .ok_or(format!("attribute `{}` not allowed", attribute.name()))?;
        if let Some(pattern) = &declared.2 {
            if !pattern.is_match(attribute.value()) {
                return Err(format!(
                    "attribute `{}`=`{}` does not match its type",
                    attribute.name(),
                    attribute.value()
                ));
            }
        }
    }
    for (attribute, required, _) in &complex.attributes {
        if *required && node.attribute(attribute.as_str()).is_none() {
            return Err(format!("attribute `{attribute}` is required"));
        }
    }
    Ok(())
}

impl Particle {
    /// Element names to declaration keys.
    fn keys(&self, keys: &mut HashMap<String, String>) {
        match &self.term {
            Term::Element(name, key) => {
                keys.insert(name.clone(), key.clone());
            }
            Term::Sequence(items) | Term::Choice(items) => items.iter().for_each(|p| p.keys(keys)),
        }
    }

    /// Where a match of this particle starting at `from` may end.
    fn matches(&self, names: &[&str], from: usize) -> BTreeSet<usize> {
        let mut ends = BTreeSet::new();
        if self.min == 0 {
            ends.insert(from);
        }
        let mut current = BTreeSet::from([from]);
        let mut seen = BTreeSet::new();
        for count in 1..=self.max.unwrap_or(names.len() + 1) {
            current = current
                .iter()
                .flat_map(|&at| self.once(names, at))
                .filter(|end| count <= self.min || seen.insert(*end))
                .collect();
            if current.is_empty() {
                break;
            }
            if count >= self.min {
                ends.extend(&current);
            }
        }
        ends
    }

    fn once(&self, names: &[&str], at: usize) -> BTreeSet<usize> {
        match &self.term {
            Term::Element(name, _) => match names.get(at) {
                Some(n) if n == name => BTreeSet::from([at + 1]),
                _ => BTreeSet::new(),
            },
            Term::Sequence(items) => items.iter().fold(BTreeSet::from([at]), |starts, item| {
                starts
                    .iter()
                    .flat_map(|&s| item.matches(names, s))
                    .collect()
            }),
            Term::Choice(items) => items
                .iter()
                .flat_map(|item| item.matches(names, at))
                .collect(),
        }
    }
}
