//! Counts the words of its arguments: a Rust binary with a test gate in the build.
fn count(words: &[String]) -> usize {
    words.iter().map(|w| w.split_whitespace().count()).sum()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    println!("{} words", count(&args));
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts() {
        assert_eq!(super::count(&["a b".to_string(), "c".to_string()]), 3);
    }
}
