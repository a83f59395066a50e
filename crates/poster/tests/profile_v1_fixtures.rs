//! Posters already printed carry version 1 `?c=` codes: the codes in
//! `fixtures/profile-v1-codes.tsv` were made by the encoder before version
//! 2 and must decode, forever, to the same commune with one help place.

use sotay_poster::{CommuneProfile, HelpPlace, decode_profile};

#[test]
fn printed_version_1_codes_still_decode() {
    let text = include_str!("fixtures/profile-v1-codes.tsv");
    let mut checked = 0;
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cells: Vec<&str> = line.split('\t').collect();
        let [code, commune, name, address, hours, phone, zalo] = cells[..] else {
            panic!("bad fixture line: {line}");
        };
        let some = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
        let place = HelpPlace {
            name: some(name),
            address: some(address),
            hours: some(hours),
            phone: some(phone),
        };
        let expected = CommuneProfile {
            commune: commune.to_owned(),
            places: if place.is_empty() {
                vec![]
            } else {
                vec![place]
            },
            zalo: some(zalo),
        };
        assert_eq!(decode_profile(code), Ok(expected.clone()), "{code}");
        // One place is still written as version 1: the same code again.
        assert_eq!(expected.encode().unwrap().as_str(), code);
        checked += 1;
    }
    assert_eq!(checked, 8);
}
