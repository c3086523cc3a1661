//! The keys a struct with `#[derive(Deserialize)]` reads, asked of serde itself, so that the
//! lists of allowed keys in messages and in `plein schema` are never written beside the
//! struct by hand.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

/// The field names serde reads into `T`, in the order of the struct, renames applied.
///
/// Serde's derive hands a struct's field names to `deserialize_struct`; a deserialiser that
/// keeps them and reads nothing gives the list.
pub(crate) fn of<T: for<'de> Deserialize<'de>>() -> &'static [&'static str] {
    let mut fields = None;
    // The error is the point: nothing is read, only the names are kept.
    let _ = T::deserialize(Fields(&mut fields));
    fields.expect("a struct with derived Deserialize and named fields")
}

/// A deserialiser that records the field names of the struct asked of it.
struct Fields<'a>(&'a mut Option<&'static [&'static str]>);

impl<'de> Deserializer<'de> for Fields<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("only a struct has field names"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = Some(fields);
        Err(de::Error::custom("field names recorded"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fields_in_order_with_renames() {
        #[derive(serde::Deserialize)]
        #[allow(dead_code)]
        struct T {
            title: String,
            #[serde(rename = "image-alt")]
            image_alt: String,
            #[serde(skip)]
            hidden: bool,
        }
        assert_eq!(super::of::<T>(), ["title", "image-alt"]);
    }
}
