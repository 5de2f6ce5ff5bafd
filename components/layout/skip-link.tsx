export function SkipLink() {
  return (
    <a className="skip-link" href="#noi-dung">
      Bỏ qua, đến nội dung chính
    </a>
  );
}
