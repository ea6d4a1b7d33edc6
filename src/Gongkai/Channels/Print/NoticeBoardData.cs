using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Channels.Print;

/// <summary>A body's notice board (标准化公示栏) as it configures it: a title, the paper (A3 or A4) and its sections,
/// each showing the latest items of chosen catalogue columns (<see cref="Rules.NoticeBoardRules"/>).</summary>
public sealed class NoticeBoard
{
    public int Id { get; set; }

    public int BodyId { get; set; }

    public required string Title { get; set; }

    /// <summary>A3 | A4.</summary>
    public string PaperSize { get; set; } = "A3";

    /// <summary>One section a line: “栏目名称|栏目编号,栏目编号|条数”.</summary>
    public string Sections { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}

internal sealed class NoticeBoardConfiguration : IEntityTypeConfiguration<NoticeBoard>
{
    public void Configure(EntityTypeBuilder<NoticeBoard> builder)
    {
        builder.ToTable("notice_boards");
        builder.Property(b => b.Title).HasMaxLength(60);
        builder.Property(b => b.PaperSize).HasMaxLength(4);
        builder.Property(b => b.Sections).HasMaxLength(2000);
        builder.Property(b => b.UpdatedBy).HasMaxLength(128);
        builder.HasIndex(b => b.BodyId);
        builder.HasOne<Organizations.Body>().WithMany().HasForeignKey(b => b.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}
