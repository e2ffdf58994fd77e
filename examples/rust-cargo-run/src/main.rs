//! Greets the names it is given: started with `cargo run` in the original image, as a binary after dfsplit.
fn greeting(names: &[String]) -> String {
    format!("hello, {}", names.join(" and "))
}

fn main() {
    let names: Vec<String> = std::env::args().skip(1).collect();
    println!("{}", greeting(&names));
}

#[cfg(test)]
mod tests {
    #[test]
    fn greets() {
        assert_eq!(super::greeting(&["a".to_string(), "b c".to_string()]), "hello, a and b c");
    }
}
